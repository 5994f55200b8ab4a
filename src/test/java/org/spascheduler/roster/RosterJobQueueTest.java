package org.spascheduler.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.week.DemoWeekDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roster jobs beyond what may solve at once wait their turn, over real HTTP: one solves at a time here, two may wait,
 * and a fourth is turned away with 429 and Retry-After.
 */
// A database of its own: the queue is the ROSTER_JOB rows, which other tests' jobs would join.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:roster-job-queue;DB_CLOSE_DELAY=-1", "spa.roster.max-running=1",
        "spa.roster.max-queued=2" })
@ActiveProfiles("test")
class RosterJobQueueTest {

    /** Weeks no other test uses. */
    private static final LocalDate FIRST = LocalDate.of(2037, 3, 2);
    private static final Duration BUDGET = Duration.ofMillis(1500);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private RosterJobService service;

    /** Whatever a failed test left queued or solving would take the next test's places. */
    @AfterEach
    void stopEveryJob() {
        var http = TestAccounts.manager(port);
        for (var job : json.readTree(send(http, "GET", "/api/rosters", null).getBody())) {
            if (job.get("endedAt").isNull()) {
                send(http, "DELETE", "/api/rosters/" + job.get("id").asLong(), null);
            }
        }
        await().atMost(PATIENCE).until(() -> json.readTree(send(http, "GET", "/api/rosters", null).getBody())
                .valueStream().allMatch(job -> !job.get("endedAt").isNull()));
    }

    @Test
    void jobsBeyondTheOneRunningWaitInOrderEachWithItsWholeBudgetAndAFullQueueIs429() throws Exception {
        var http = TestAccounts.manager(port);
        var weeks = new LocalDate[] { FIRST, FIRST.plusWeeks(1), FIRST.plusWeeks(2), FIRST.plusWeeks(3) };
        for (var week : weeks) {
            importSmallWeek(http, week);
        }

        // The first solves until stopped, so that the queue stays as it is while it is looked at.
        var first = start(http, weeks[0], Duration.ofSeconds(20));
        var second = start(http, weeks[1], BUDGET);
        var third = start(http, weeks[2], BUDGET);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(body(first).get("status").asString()).isEqualTo("SOLVING");
        for (var queued : List.of(second, third)) {
            assertThat(queued.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(queued.getHeaders().getLocation()).isNotNull();
        }
        var secondJob = get(http, second);
        var thirdJob = get(http, third);
        assertThat(secondJob.get("status").asString()).isEqualTo("QUEUED");
        assertThat(secondJob.get("placeInQueue").asInt()).isEqualTo(1);
        assertThat(thirdJob.get("status").asString()).isEqualTo("QUEUED");
        assertThat(thirdJob.get("placeInQueue").asInt()).isEqualTo(2);
        for (var queued : List.of(secondJob, thirdJob)) {
            assertThat(queued.get("solving").asBoolean()).isFalse();
            assertThat(queued.get("ran").asBoolean()).isFalse();
            assertThat(queued.get("startedAt").isNull()).isTrue();
            assertThat(queued.get("spentMillis").asLong()).isZero();
        }

        // The queue is full: the fourth week's start is turned away, and nothing of it is stored.
        var refused = start(http, weeks[3], BUDGET);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Integer.parseInt(refused.getHeaders().getFirst("Retry-After")))
                .as("whole seconds until the running job's budget ends").isBetween(5, 20);
        assertThat(body(refused).get("title").asString()).isEqualTo("Too many requests");
        assertThat(body(refused).get("field").asString()).isEqualTo("request");
        assertThat(body(refused).get("detail").asString()).contains("queue is full");
        assertThat(json.readTree(send(http, "GET", "/api/rosters?week=" + weeks[3], null).getBody())).isEmpty();
        // A queued job is its week's job: a second start for its week points at it.
        var again = start(http, weeks[1], BUDGET);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getLocation()).isEqualTo(second.getHeaders().getLocation());

        // The queue drains in order; each job's budget starts when it starts solving, not when it was queued.
        send(http, "DELETE", first.getHeaders().getLocation().toString(), null);
        var firstEnded = waitUntilEnded(http, first);
        var secondEnded = waitUntilEnded(http, second);
        var thirdEnded = waitUntilEnded(http, third);
        assertThat(firstEnded.get("status").asString()).isEqualTo("STOPPED");
        assertThat(secondEnded.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(thirdEnded.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(instant(secondEnded, "startedAt")).isAfterOrEqualTo(instant(firstEnded, "endedAt"));
        assertThat(instant(thirdEnded, "startedAt")).isAfterOrEqualTo(instant(secondEnded, "endedAt"));
        for (var ended : List.of(secondEnded, thirdEnded)) {
            assertThat(ended.get("ran").asBoolean()).isTrue();
            assertThat(ended.get("spentMillis").asLong()).as("time solved by %s", ended)
                    .isGreaterThanOrEqualTo(BUDGET.toMillis() * 9 / 10);
        }
    }

    @Test
    void aStoppedQueuedJobLeavesTheQueueWithoutEverRunningAndTheDeskRepairsItsWeekMeanwhile() throws Exception {
        var http = TestAccounts.manager(port);
        var solving = FIRST.plusWeeks(10);
        var waiting = FIRST.plusWeeks(11);
        importSmallWeek(http, solving);
        importSmallWeek(http, waiting);
        var running = start(http, solving, Duration.ofSeconds(30));
        var queued = start(http, waiting, Duration.ofSeconds(30));
        assertThat(get(http, queued).get("status").asString()).isEqualTo("QUEUED");

        // While it only waits, the job has not read the week: the desk repairs the week itself, and publishing waits.
        assertThat(service.booksChanged(waiting)).isEqualTo(RosterJobService.BooksChange.NO_JOB);
        assertThat(service.solvingJobLocation(waiting)).isNull();
        var publish = send(http, "POST", "/api/weeks/%s/publish".formatted(waiting), null);
        assertThat(publish.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(publish.getHeaders().getLocation()).isEqualTo(queued.getHeaders().getLocation());

        var stopped = send(http, "DELETE", queued.getHeaders().getLocation().toString(), null);
        assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(body(stopped).get("status").asString()).isEqualTo("STOPPED");
        assertThat(body(stopped).get("ran").asBoolean()).isFalse();

        // The running job ends; the stopped one never starts, and its week is free for a new job.
        send(http, "DELETE", running.getHeaders().getLocation().toString(), null);
        waitUntilEnded(http, running);
        var after = get(http, queued);
        assertThat(after.get("status").asString()).isEqualTo("STOPPED");
        assertThat(after.get("startedAt").isNull()).isTrue();
        assertThat(after.get("spentMillis").asLong()).isZero();
        var fresh = start(http, waiting, BUDGET);
        assertThat(fresh.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(body(fresh).get("status").asString()).isEqualTo("SOLVING");
        waitUntilEnded(http, fresh);
    }

    @Test
    void theOpenApiDocumentDescribesTheQueueAndThe429() throws Exception {
        var http = TestAccounts.manager(port);
        var api = json.readTree(send(http, "GET", "/v3/api-docs", null).getBody());

        var tooMany = api.at("/paths/~1api~1rosters/post/responses/429");
        assertThat(tooMany.get("description").asString()).contains("queue is full");
        assertThat(tooMany.at("/headers/Retry-After/description").asString()).isNotBlank();
        assertThat(tooMany.at("/content/application~1problem+json/examples").isEmpty()).isFalse();
        var view = api.at("/components/schemas/RosterJobView/properties");
        assertThat(view.at("/placeInQueue/description").asString()).contains("place in the queue");
        assertThat(view.at("/status/description").asString()).contains("QUEUED");
        assertThat(api.at("/paths/~1api~1rosters~1{id}/get/responses/200/content/application~1json/examples/queued")
                .isMissingNode()).isFalse();
    }

    /** The demo generator names every week's sessions alike: each week gets its own, so that all stay booked. */
    private void importSmallWeek(RestClient http, LocalDate monday) throws Exception {
        var document = json.writeValueAsString(
                DemoWeekDocuments.of(DemoSpaGenerator.generate(DemoSize.SMALL, 7L, monday)))
                .replaceAll("\"session-(\\d+)\"", "\"" + monday + "-session-$1\"");
        assertThat(send(http, "POST", "/api/weeks/import", document).getStatusCode())
                .isIn(HttpStatus.CREATED, HttpStatus.OK);
    }

    /** Starts a job whose budget only its spent limit ends, so that how long it solved shows when its clock began. */
    private static ResponseEntity<String> start(RestClient http, LocalDate monday, Duration budget) {
        return send(http, "POST", "/api/rosters", "{\"weekStart\":\"%s\",\"spentLimit\":\"%s\",\"unimprovedSpentLimit\":\"%s\"}"
                .formatted(monday, budget, budget));
    }

    private JsonNode get(RestClient http, ResponseEntity<?> started) {
        return body(send(http, "GET", started.getHeaders().getLocation().toString(), null));
    }

    private JsonNode waitUntilEnded(RestClient http, ResponseEntity<?> started) {
        return await("job " + started.getHeaders().getLocation()).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> get(http, started), job -> !job.get("endedAt").isNull());
    }

    private JsonNode body(ResponseEntity<String> answer) {
        return json.readTree(answer.getBody());
    }

    private static Instant instant(JsonNode job, String field) {
        return Instant.parse(job.get(field).asString());
    }

    private static ResponseEntity<String> send(RestClient http, String method, String uri, String body) {
        var request = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().onStatus(status -> true, (req, response) -> {
        }).toEntity(String.class);
    }
}
