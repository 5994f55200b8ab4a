package org.spascheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The web app's files are served by the jar to anyone, without a CDN: `/` is the app, Bootstrap comes from a webjar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebAppFilesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootServesTheSignInPageWithoutSignIn() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"username\"", "/webjars/bootstrap/css/bootstrap.min.css")
                .doesNotContain("http://", "https://");
    }

    @Test
    void bootstrapAndTheModulesAreServedFromTheJar() throws Exception {
        assertThat(get("/webjars/bootstrap/css/bootstrap.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/app/api.js").body()).contains("X-XSRF-TOKEN");
        assertThat(get("/app/main.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiStillRefusesAnonymousCalls() throws Exception {
        assertThat(get("/api/clients").statusCode()).isEqualTo(401);
    }
}
