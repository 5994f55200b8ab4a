package org.spascheduler.schedule.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service over real HTTP: a SMALL demo week solved to a feasible roster, recorded, and documented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoSolveEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.create("http://localhost:" + port);
    }

    @Test
    void solvesASmallWeekRecordsTheRunAndDocumentsTheApi() {
        var response = http.post()
                .uri("/api/demo/solve?size=SMALL&spentLimit=PT10S&unimprovedSpentLimit=PT3S")
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var roster = JSON.readTree(response.getBody());

        var score = roster.get("score");
        assertThat(score.get("hard").asLong()).as("hard score of %s", score).isZero();
        assertThat(score.get("medium").asLong()).as("medium score of %s", score).isZero();
        assertThat(score.get("feasible").asBoolean()).isTrue();

        int sessions = roster.get("sessions").asInt();
        int scheduled = roster.get("scheduled").asInt();
        assertThat(sessions).isBetween(40, 80);
        assertThat(scheduled).isEqualTo(sessions);
        assertThat(roster.get("unscheduled").asInt()).isZero();
        assertThat(roster.get("unscheduledSessions")).isEmpty();
        assertThat(roster.get("roster")).hasSize(scheduled);
        for (JsonNode entry : roster.get("roster")) {
            assertThat(entry.get("therapist").asString()).as("therapist of %s", entry).isNotBlank();
            assertThat(entry.get("room").asString()).as("room of %s", entry).isNotBlank();
            var start = LocalDateTime.parse(entry.get("start").asString());
            var end = LocalDateTime.parse(entry.get("end").asString());
            assertThat(start).as("start of %s", entry).isBefore(end);
        }

        var runs = JSON.readTree(http.get().uri("/api/demo/runs").retrieve().body(String.class));
        assertThat(runs.isArray()).isTrue();
        assertThat(runs).anySatisfy(run -> {
            assertThat(run.get("size").asString()).isEqualTo("SMALL");
            assertThat(run.get("score").asString()).isEqualTo(score.get("score").asString());
            assertThat(run.get("sessions").asInt()).isEqualTo(sessions);
            assertThat(run.get("scheduled").asInt()).isEqualTo(scheduled);
            assertThat(run.get("solvingMillis").asLong()).isEqualTo(roster.get("solvingMillis").asLong());
        });

        var apiDocs = http.get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(apiDocs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(apiDocs.getBody()).contains("/api/demo/solve");
    }
}
