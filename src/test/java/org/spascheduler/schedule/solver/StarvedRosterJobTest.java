package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.spascheduler.TestAccounts;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
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

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15: a roster job starved of time (a budget far below what LARGE's construction needs, or a stop in the middle
 * of it) never stores, nor reports as its result, a roster that breaks a hard rule. What it stores is checked twice,
 * independently of the job: by {@link IndependentRosterChecker} (no Timefold) and by Timefold's score of the week read
 * back from the books.
 */
// A database of its own: the LARGE week's staff and care plans (ids shared with every demo week) would otherwise
// replace those the other Spring tests' weeks rely on.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:starved-roster-jobs;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class StarvedRosterJobTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private PlanningWeeks weeks;
    @Autowired
    private SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;

    @Test
    void aTinyBudgetEndsWithARosterThatBreaksNoHardRule() throws Exception {
        var job = solveUntilEnded(LocalDate.of(2046, 1, 1), "PT0.15S", null);

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
    }

    /** LARGE's construction takes seconds: the placing stage's share ends inside it, before conflicts are repaired. */
    @Test
    void aBudgetThatEndsInsideConstructionEndsWithARosterThatBreaksNoHardRule() throws Exception {
        var job = solveUntilEnded(LocalDate.of(2046, 1, 8), "PT3S", null);

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aStopInTheMiddleOfConstructionEndsWithARosterThatBreaksNoHardRule() throws Exception {
        var job = solveUntilEnded(LocalDate.of(2046, 1, 15), "PT60S", Duration.ofMillis(2500));

        assertThat(job.get("status").asString()).isEqualTo("STOPPED");
    }

    /**
     * @param stopAfter when not null, stop the job once it has solved this long
     * @return the ended job, once its stored roster is checked
     */
    private JsonNode solveUntilEnded(LocalDate monday, String spentLimit, Duration stopAfter) throws Exception {
        var http = TestAccounts.manager(port);
        var document = DemoWeekDocuments.of(DemoSpaGenerator.generate(DemoSize.LARGE, DemoSpaGenerator.DEFAULT_SEED,
                monday));
        assertThat(send(http, "POST", "/api/weeks/import", json.writeValueAsString(document)).getStatusCode())
                .isIn(HttpStatus.CREATED, HttpStatus.OK);
        var started = send(http, "POST", "/api/rosters", "{\"weekStart\":\"%s\",\"spentLimit\":\"%s\",\"unimprovedSpentLimit\":\"%s\"}"
                .formatted(monday, spentLimit, spentLimit));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        var location = started.getHeaders().getLocation().toString();

        var job = watch(http, location, stopAfter);

        // What the job says of itself agrees with what it stored. (Not its medium score: read back, a care plan's
        // series is ordered by the starts of its placed sessions, which changes the weights of the unplaced ones.)
        var stored = weeks.solution(monday);
        assertThat(IndependentRosterChecker.of(stored).violations()).as("hard rules broken by the stored roster")
                .isEmpty();
        assertThat(solutionManager.update(stored).hardScore()).isZero();
        assertThat(job.get("hardScore").asLong()).isZero();
        var placed = stored.getAppointments().stream().filter(Appointment::isScheduled).count();
        assertThat(job.get("placed").asLong()).isEqualTo(placed);
        assertThat(job.get("unplaced").asLong()).isEqualTo(stored.getAppointments().size() - placed);
        return job;
    }

    /** Polls the job until it ends; while it solves, whatever it reports as stored must break no hard rule. */
    private JsonNode watch(RestClient http, String location, Duration stopAfter) throws InterruptedException {
        var startNanos = System.nanoTime();
        var stopSent = false;
        while (true) {
            var job = json.readTree(send(http, "GET", location, null).getBody());
            if (job.hasNonNull("hardScore")) {
                assertThat(job.get("hardScore").asLong()).as("job %s", job).isZero();
            }
            if (!job.get("solving").asBoolean()) {
                return job;
            }
            var elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            assertThat(elapsed).as("job %s", job).isLessThan(PATIENCE);
            if (stopAfter != null && !stopSent && job.get("spentMillis").asLong() >= stopAfter.toMillis()) {
                assertThat(send(http, "DELETE", location, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
                stopSent = true;
            }
            Thread.sleep(25);
        }
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
