package org.spascheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReadyAnnouncementTest {

    @Test
    void names_the_port_the_server_listens_on() {
        var environment = new MockEnvironment().withProperty("local.server.port", "18081");

        assertThat(ReadyAnnouncement.line(environment)).isEqualTo(
                "spa-scheduler ready at http://localhost:18081/ (API docs at http://localhost:18081/swagger-ui.html;"
                        + " Ctrl+C stops it)");
    }

    @Test
    void keeps_the_context_path_and_the_api_docs_path() {
        var environment = new MockEnvironment().withProperty("local.server.port", "8080")
                .withProperty("server.servlet.context-path", "/spa")
                .withProperty("springdoc.swagger-ui.path", "/docs.html");

        assertThat(ReadyAnnouncement.line(environment)).startsWith("spa-scheduler ready at http://localhost:8080/spa/ (")
                .contains("API docs at http://localhost:8080/spa/docs.html");
    }

    @Test
    void says_nothing_without_a_web_server() {
        assertThat(ReadyAnnouncement.line(new MockEnvironment())).isNull();
    }
}
