package org.spascheduler.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.week.DemoWeekDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's week over real HTTP: import a week, start its roster, watch it improve, stop it, read why it is as it
 * is, publish it, and solve again to see that what clients were told stays put.
 */
// A database of its own, as a spa has: the week is solved with the spa's whole staff and rooms, which the other
// Spring tests' records (demo ids replaced by other weeks, records made up for bad input) would otherwise join.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:roster-end-to-end;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class RosterEndToEndTest {

    /** A week no other test uses: the in-memory database is shared by the Spring tests. */
    private static final LocalDate MONDAY = LocalDate.of(2033, 5, 2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;

    @Test
    void importSolveStopExplainPublishAndSolveAgainKeepingWhatWasConfirmed() throws Exception {
        var http = TestAccounts.manager(port);
        var document = DemoWeekDocuments.of(DemoSpaGenerator.generate(DemoSize.SMALL, 7L, MONDAY));
        assertThat(send(http, "POST", "/api/weeks/import", json.writeValueAsString(document)).getStatusCode())
                .isIn(HttpStatus.CREATED, HttpStatus.OK);

        // Start a long solve; a second one for the same week is refused with the first one's location.
        var started = send(http, "POST", "/api/rosters",
                "{\"weekStart\":\"%s\",\"spentLimit\":\"PT60S\",\"unimprovedSpentLimit\":\"PT60S\"}".formatted(MONDAY));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        var jobLocation = started.getHeaders().getLocation().toString();
        var second = send(http, "POST", "/api/rosters", "{\"weekStart\":\"%s\"}".formatted(MONDAY));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getLocation()).hasToString(jobLocation);

        // Progress: the best roster so far places every session without breaking a rule, while it still solves.
        var progress = waitFor(http, jobLocation, job -> job.get("placed").asInt() == job.get("sessions").asInt()
                && job.get("hardScore").asLong() == 0);
        assertThat(progress.get("solving").asBoolean()).isTrue();
        var roster = json.readTree(send(http, "GET", "/api/weeks/%s/roster?by=day".formatted(MONDAY), null).getBody());
        assertThat(roster.get("placed").asInt()).isEqualTo(roster.get("sessions").asInt());

        // Stop it early: it ends STOPPED, long before its minute, and keeps its best roster.
        assertThat(send(http, "DELETE", jobLocation, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        var stopped = waitFor(http, jobLocation, job -> !job.get("solving").asBoolean());
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.get("spentMillis").asLong()).isLessThan(PATIENCE.toMillis());
        assertThat(stopped.get("unplaced").asInt()).isZero();

        // The explanation agrees with the score: its constraints add up to it, and nothing is left unexplained.
        var explanation = json.readTree(
                send(http, "GET", "/api/weeks/%s/explanation".formatted(MONDAY), null).getBody());
        assertThat(explanation.get("score").asString()).isEqualTo(stopped.get("score").asString());
        long hard = 0;
        long medium = 0;
        long soft = 0;
        for (var constraint : explanation.get("constraints")) {
            hard += constraint.get("hardScore").asLong();
            medium += constraint.get("mediumScore").asLong();
            soft += constraint.get("softScore").asLong();
            assertThat(constraint.get("matches").size()).isEqualTo(constraint.get("matchCount").asInt());
        }
        assertThat(new long[] { hard, medium, soft }).containsExactly(explanation.get("hardScore").asLong(),
                explanation.get("mediumScore").asLong(), explanation.get("softScore").asLong());

        // A changed weight counts from the next solve on, at its constraint's own level; then back to the default.
        // Whichever soft constraint this roster pays most for is the one reweighed.
        var reweighted = costliestSoftConstraint(explanation);
        var weightUri = java.net.URI.create("http://localhost:%d/api/constraint-weights/%s".formatted(port,
                java.net.URLEncoder.encode(reweighted, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        var before = softScoreOf(explanation, reweighted);
        var weight = json.readTree(http.get().uri(weightUri).retrieve().body(String.class)).get("weight").asLong();
        assertThat(http.put().uri(weightUri).contentType(MediaType.APPLICATION_JSON)
                .body("{\"weight\":%d}".formatted(3 * weight)).retrieve().toEntity(String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var reweighed = json.readTree(send(http, "GET", "/api/weeks/%s/explanation".formatted(MONDAY), null).getBody());
        assertThat(softScoreOf(reweighed, reweighted)).as(reweighted).isEqualTo(3 * before);
        var stale = http.put().uri(weightUri).contentType(MediaType.APPLICATION_JSON).body("{\"weight\":4}")
                .retrieve().onStatus(status -> true, (req, response) -> {
                }).toEntity(String.class);
        assertThat(stale.getStatusCode()).as("a change that did not send the version it read").isEqualTo(
                HttpStatus.CONFLICT);
        assertThat(json.readTree(stale.getBody()).get("field").asString()).isEqualTo("version");
        var current = json.readTree(http.get().uri(weightUri).retrieve().body(String.class)).get("version").asInt();
        var staleReset = http.delete().uri(java.net.URI.create(weightUri + "?version=" + (current + 1))).retrieve()
                .onStatus(status -> true, (req, response) -> {
                }).toBodilessEntity();
        assertThat(staleReset.getStatusCode()).as("a reset from an older read").isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.delete().uri(java.net.URI.create(weightUri + "?version=" + current)).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);

        // Publish: every placed session is confirmed; then a new request arrives and the week is solved again.
        var published = json.readTree(send(http, "POST", "/api/weeks/%s/publish".formatted(MONDAY), null).getBody());
        assertThat(published.get("unplaced").asInt()).isZero();
        var promised = placements(http);
        // A new client who is free all week, asking for a light treatment: a place exists whatever the roster.
        assertThat(send(http, "POST", "/api/clients", """
                {"id":"walk-in-client","name":"Noor Walk-in","chronic":false}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        var walkIn = """
                {"id":"walk-in-1","clientId":"walk-in-client","treatmentId":"relaxation","durationMinutes":60,
                 "windowStart":"%s","windowEnd":"%s","state":"REQUESTED","released":false}"""
                .formatted(MONDAY.atTime(0, 0), MONDAY.plusDays(7).atTime(0, 0));
        assertThat(send(http, "POST", "/api/appointments", walkIn).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var again = send(http, "POST", "/api/rosters",
                "{\"weekStart\":\"%s\",\"spentLimit\":\"PT5S\",\"unimprovedSpentLimit\":\"PT2S\"}".formatted(MONDAY));
        var secondJob = waitFor(http, again.getHeaders().getLocation().toString(),
                job -> !job.get("solving").asBoolean());
        assertThat(secondJob.get("status").asString()).isEqualTo("COMPLETED");

        var after = placements(http);
        promised.forEach((id, placement) -> assertThat(after.get(id)).as(id).isEqualTo(placement));
        assertThat(after.get("walk-in-1")).as(() -> send(http, "GET", "/api/weeks/%s/explanation".formatted(MONDAY),
                null).getBody()).isNotEqualTo("null/null/null");
    }

    /** The soft constraint that costs this roster most. */
    private static String costliestSoftConstraint(JsonNode explanation) {
        String worst = null;
        var worstScore = 0L;
        for (var entry : explanation.get("constraints")) {
            if (entry.get("level").asString().equals("soft") && entry.get("softScore").asLong() < worstScore) {
                worst = entry.get("constraint").asString();
                worstScore = entry.get("softScore").asLong();
            }
        }
        assertThat(worst).as("a roster of real requests pays for some soft constraint").isNotNull();
        return worst;
    }

    private static long softScoreOf(JsonNode explanation, String constraint) {
        for (var entry : explanation.get("constraints")) {
            if (entry.get("constraint").asString().equals(constraint)) {
                return entry.get("softScore").asLong();
            }
        }
        return 0;
    }

    /** Each appointment's therapist/room/start, as stored. */
    private Map<String, String> placements(RestClient http) {
        var export = json.readTree(send(http, "GET", "/api/weeks/%s/export".formatted(MONDAY), null).getBody());
        var placements = new HashMap<String, String>();
        for (var appointment : export.get("appointments")) {
            placements.put(appointment.get("id").asString(), appointment.get("therapistId").asString("null") + "/"
                    + appointment.get("roomId").asString("null") + "/" + appointment.get("startsAt").asString("null"));
        }
        return placements;
    }

    private JsonNode waitFor(RestClient http, String jobLocation, Predicate<JsonNode> condition) {
        return await("job " + jobLocation).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> json.readTree(send(http, "GET", jobLocation, null).getBody()), condition);
    }

    private static ResponseEntity<String> send(RestClient http, String method, String uri, String body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().onStatus(status -> true, (req, response) -> {
        }).toEntity(String.class);
    }
}
