package org.spascheduler.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POSTs retried with an Idempotency-Key over real HTTP: done once, answered alike, mistakes refused by name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String name;

    @BeforeEach
    void setUp() {
        name = "Idempotent " + UUID.randomUUID();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAccounts.basic(TestAccounts.MANAGER))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String client() {
        return "{\"name\": \"%s\", \"chronic\": false}".formatted(name);
    }

    private long clientsNamed() {
        return jdbc.sql("SELECT COUNT(*) FROM CLIENT WHERE NAME = ?").param(name).query(Long.class).single();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothingMore() throws Exception {
        var key = UUID.randomUUID().toString();

        var first = post("/api/clients", client(), key);
        var retry = post("/api/clients", client(), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(clientsNamed()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEachPostIsItsOwnRequest() throws Exception {
        post("/api/clients", client(), null);
        post("/api/clients", client(), null);

        assertThat(clientsNamed()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() throws Exception {
        var key = UUID.randomUUID().toString();
        post("/api/clients", client(), key);

        var other = post("/api/clients", "{\"name\": \"%s\", \"chronic\": true}".formatted(name), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(other.body()).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(clientsNamed()).isEqualTo(1);
    }

    @Test
    void aKeyThatCannotBeOneIsA400NamingTheHeader() throws Exception {
        var spaced = post("/api/clients", client(), "not a key");
        var tooLong = post("/api/clients", client(), "k".repeat(201));

        for (var answer : new HttpResponse<?>[] { spaced, tooLong }) {
            assertThat(answer.statusCode()).isEqualTo(400);
            JsonNode problem = JSON.readTree((String) answer.body());
            assertThat(problem.get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(clientsNamed()).isZero();
    }

    @Test
    void manyRetriesAtOnceCreateOneClient() throws Exception {
        var key = UUID.randomUUID().toString();
        var desks = Executors.newFixedThreadPool(8);
        try {
            var sends = new ArrayList<Callable<HttpResponse<String>>>();
            for (var i = 0; i < 16; i++) {
                sends.add(() -> post("/api/clients", client(), key));
            }
            var answers = new ArrayList<HttpResponse<String>>();
            for (var future : desks.invokeAll(sends)) {
                answers.add(future.get());
            }

            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(201, 409));
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).allSatisfy(answer -> assertThat(
                    answer.headers().firstValue("Retry-After")).isPresent());
            assertThat(clientsNamed()).isEqualTo(1);
        } finally {
            desks.shutdownNow();
        }
    }

    @Test
    void anAnswerIsKeptInTheDatabaseSoThatARestartOrAnotherNodeReplaysIt() throws Exception {
        var key = UUID.randomUUID().toString();
        post("/api/clients", client(), key);

        var kept = jdbc.sql("SELECT STATUS FROM IDEMPOTENT_REQUEST WHERE IDEMPOTENCY_KEY = ?").param(key)
                .query(Integer.class).single();

        assertThat(kept).isEqualTo(201);
    }
}
