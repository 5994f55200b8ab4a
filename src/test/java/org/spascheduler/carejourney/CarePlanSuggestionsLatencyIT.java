package org.spascheduler.carejourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.spascheduler.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * How long care plan suggestions take on the demo MEDIUM week (published, every session confirmed) and the weeks
 * after it, over real HTTP, as clients would ask: trigger point and deep tissue series of 3 to 8 sessions, with and
 * without the same therapist, a preferred therapist or preferred times, starting on any of the next two weeks, looking
 * 2 to 8 weeks ahead. Not part of the default suite (a few minutes):
 * {@code ./mvnw -o test -Dtest=CarePlanSuggestionsLatencyIT -Dsurefire.failIfNoSpecifiedTests=false}, with
 * {@code -Dplans.requests=N} (default 240) and {@code -Dplans.warmup=N} (default 20, not counted: the JIT compiles
 * the score calculation during the first requests, which a running service has long done).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CarePlanSuggestionsLatencyIT {

    /** A week no other test uses, nor the eight after it. */
    private static final LocalDate MONDAY = LocalDate.of(2041, 1, 7);
    private static final String[] PREFERRED_TIMES = {"",
        """
        ,"preferredTimes":[{"dayOfWeek":"TUESDAY","starts":"17:00","ends":"21:00"},
                           {"dayOfWeek":"FRIDAY","starts":"17:00","ends":"21:00"}]""",
        """
        ,"preferredTimes":[{"dayOfWeek":"MONDAY","starts":"09:00","ends":"12:00"},
                           {"dayOfWeek":"THURSDAY","starts":"09:00","ends":"12:00"}]"""};

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SettableClock clock;

    @Test
    void printsTheLatencyOfSuggestionsOnMedium() {
        var week = new CarePlanTestWeek(MONDAY, port, json);
        week.clockAt(clock, MONDAY.minusDays(3).atTime(9, 0));
        week.importAndPublish("latency-plans-");
        var warmup = Integer.getInteger("plans.warmup", 20);
        var requests = Integer.getInteger("plans.requests", 240);
        var millis = new double[requests];
        var complete = 0;
        var partial = 0;
        for (var i = -warmup; i < requests; i++) {
            var body = request(week, i + warmup);
            var started = System.nanoTime();
            var answer = week.post("/api/care-plans/suggestions", body);
            var elapsed = (System.nanoTime() - started) / 1e6;
            assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.OK);
            if (i >= 0) {
                millis[i] = elapsed;
                var plans = json.readTree(answer.getBody()).get("plans");
                complete += !plans.isEmpty() && plans.get(0).get("complete").asBoolean() ? 1 : 0;
                partial += !plans.isEmpty() && !plans.get(0).get("complete").asBoolean() ? 1 : 0;
            }
        }
        Arrays.sort(millis);
        System.out.printf("Care plan suggestions on MEDIUM over %d requests (%d with complete plans, %d partial; %d "
                + "warm-up requests not counted), %d cores: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                requests, complete, partial, warmup, Runtime.getRuntime().availableProcessors(),
                percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[requests - 1]);
        afterAWrite(week);
    }

    /**
     * The first question after a write pays for reading the weeks again (the kept ones are stale): a plan accepted,
     * then a question for another client, {@code -Dplans.writes=N} times (default 30).
     */
    private void afterAWrite(CarePlanTestWeek week) {
        var writes = Integer.getInteger("plans.writes", 30);
        var millis = new double[writes];
        for (var i = 0; i < writes; i++) {
            var plans = json.readTree(week.post("/api/care-plans/suggestions", request(week, i)).getBody())
                    .get("plans");
            if (!plans.isEmpty()) {
                var accepted = week.post("/api/care-plans/suggestions/accept",
                        "{\"suggestionId\":\"%s\"}".formatted(plans.get(0).get("suggestionId").asString()));
                assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.CREATED);
            }
            var body = request(week, i + 1);
            var started = System.nanoTime();
            assertThat(week.post("/api/care-plans/suggestions", body).getStatusCode()).isEqualTo(HttpStatus.OK);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("Care plan suggestions on MEDIUM, first question after a plan was booked, over %d: p50 %.0f "
                + "ms, p95 %.0f ms, max %.0f ms%n", writes, percentile(millis, 50), percentile(millis, 95),
                millis[writes - 1]);
    }

    /** The n-th client's request: every few requests another treatment, length, continuity wish and horizon. */
    private static String request(CarePlanTestWeek week, int n) {
        var clients = week.week.getClients();
        var client = clients.get((n * 7) % clients.size());
        var treatment = week.treatment(n % 2 == 0 ? "Trigger point" : "Deep tissue");
        var therapist = n % 5 == 4 ? week.week.getTherapists().stream()
                .filter(t -> t.hasSkill(treatment.requiredSkill())).skip(n % 3).findFirst().orElseThrow().id() : null;
        return """
                {"clientId":"%s","treatmentId":"%s","sessions":%d,"sameTherapist":%b,"earliestStart":"%s",
                 "horizonWeeks":%d%s%s}""".formatted(client.id(), treatment.id(), 3 + n % 6, n % 3 == 0,
                MONDAY.plusDays(n % 14), 2 + n % 7, therapist == null ? "" : ",\"therapistId\":\"" + therapist + "\"",
                PREFERRED_TIMES[n % PREFERRED_TIMES.length]);
    }

    /** Nearest rank. */
    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
