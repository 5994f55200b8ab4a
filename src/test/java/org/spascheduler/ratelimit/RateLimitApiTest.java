package org.spascheduler.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/** An expensive request beyond its caller's budget is a 429 with Retry-After, before any work; others go on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spa.rate-limit.burst=3", "spa.rate-limit.per-second=1" })
@ActiveProfiles("test")
class RateLimitApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAccounts.basic(TestAccounts.MANAGER)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beyondItsBurstACallerIsAnswered429WithRetryAfterAndOtherRequestsGoOn() throws Exception {
        var answers = new ArrayList<HttpResponse<String>>();
        for (var i = 0; i < 6; i++) {
            answers.add(get("/api/weeks/2031-03-03/explanation"));
        }

        assertThat(answers.subList(0, 3)).allSatisfy(answer -> assertThat(answer.statusCode()).isNotEqualTo(429));
        var limited = answers.get(5);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(limited.body()).get("field").asString()).isEqualTo("request");
        assertThat(get("/api/weeks").statusCode()).as("a cheap request is not limited").isEqualTo(200);
    }
}
