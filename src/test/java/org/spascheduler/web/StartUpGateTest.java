package org.spascheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API stays closed until the start-up work is done. This test's own start-up work asks the service, over HTTP,
 * what it answers meanwhile: once as an application runner (where the demo spa is loaded) and once as a listener of
 * ApplicationReadyEvent (where interrupted repairs are finished).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StartUpGateTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What each path answered during start-up, by "when path". */
    private static final Map<String, HttpResponse<String>> DURING_START_UP = new ConcurrentHashMap<>();

    private static final List<String> PATHS = List.of("GET /api/weeks", "POST /api/front-desk/bookings",
            "GET /actuator/health/readiness", "GET /actuator/health/liveness");

    @LocalServerPort
    private int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class StartUpWork {

        private final Environment environment;

        StartUpWork(Environment environment) {
            this.environment = environment;
        }

        @Bean
        ApplicationRunner askWhileRunnersRun() {
            return arguments -> ask("runner");
        }

        @EventListener(ApplicationReadyEvent.class)
        void askWhileReadyListenersRun() {
            ask("ready");
        }

        private void ask(String when) {
            var port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
            PATHS.forEach(path -> DURING_START_UP.put(when + " " + path, send(port, path)));
        }
    }

    @Test
    void theApiAnswers503WithRetryAfterUntilTheStartUpWorkIsDone() {
        for (var when : List.of("runner", "ready")) {
            for (var path : List.of("GET /api/weeks", "POST /api/front-desk/bookings")) {
                var answer = DURING_START_UP.get(when + " " + path);
                assertThat(answer.statusCode()).as("%s %s", when, path).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).as("%s %s", when, path).hasValue("5");
                assertThat(answer.headers().firstValue("Content-Type")).as("%s %s", when, path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                var problem = JSON.readTree(answer.body());
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                assertThat(problem.get("title").asString()).isEqualTo("Starting up");
                assertThat(problem.get("instance").asString()).isEqualTo(path.substring(path.indexOf(' ') + 1));
            }
            var readiness = DURING_START_UP.get(when + " GET /actuator/health/readiness");
            assertThat(readiness.statusCode()).as(when).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            // Only the API is closed: the service itself is alive.
            assertThat(DURING_START_UP.get(when + " GET /actuator/health/liveness").statusCode()).isEqualTo(200);
        }

        assertThat(send(port, "GET /api/weeks").statusCode()).isEqualTo(200);
        assertThat(send(port, "POST /api/front-desk/bookings").statusCode()).as("an empty body, read now")
                .isEqualTo(400);
        var readiness = send(port, "GET /actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void ofTheActuatorOnlyHealthIsServed() {
        assertThat(send(port, "GET /actuator/health").statusCode()).isEqualTo(200);
        for (var path : List.of("GET /actuator", "GET /actuator/env", "GET /actuator/beans", "GET /actuator/info")) {
            assertThat(send(port, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private static HttpResponse<String> send(int port, String methodAndPath) {
        var method = methodAndPath.substring(0, methodAndPath.indexOf(' '));
        var path = methodAndPath.substring(methodAndPath.indexOf(' ') + 1);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (!path.startsWith("/actuator/health")) {
            // A probe signs in to nothing (the test's accounts exist only once the service is ready).
            request = request.header("Authorization", TestAccounts.basic(TestAccounts.MANAGER));
        }
        request = request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("")
                : HttpRequest.BodyPublishers.noBody());
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
