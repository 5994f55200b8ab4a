package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.Latencies;
import org.spascheduler.SettableClock;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * How long slot options take on the demo MEDIUM week, over real HTTP, as a front desk would ask: day windows and
 * whole-week windows, every treatment, clients in turn. Not part of the default suite (about a minute):
 * {@code ./mvnw -o test -Dtest=SlotOptionsLatencyIT -Dsurefire.failIfNoSpecifiedTests=false}, with
 * {@code -Dslot.options.requests=N} (default 240) and {@code -Dslot.options.warmup=N} (default 40, not counted: the
 * JIT compiles the score calculation during the first requests, which a running service has long done).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SlotOptionsLatencyIT {

    /** A week no other test uses. */
    private static final LocalDate MONDAY = LocalDate.of(2037, 3, 2);
    private static final DemoTestWeek DEMO = new DemoTestWeek(MONDAY);
    private static final SpaSchedule WEEK = DEMO.planning();

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SettableClock clock;

    @Test
    void printsTheLatencyOfSlotOptionsOnMedium() {
        // Reading the week again after each write is part of the question's cost: printed apart, below.
        var http = RestClient.create("http://localhost:" + port);
        DEMO.clockOnFridayBefore(clock);
        DEMO.importOverHttp(http, json, DemoTestWeek.Bookings.AS_GENERATED, "latency-");
        var warmup = Integer.getInteger("slot.options.warmup", 40);
        var requests = Integer.getInteger("slot.options.requests", 240);
        var millis = new double[requests];
        var weekWindows = 0;
        var empty = 0;
        for (var i = -warmup; i < requests; i++) {
            var n = i + warmup;
            var client = WEEK.getClients().get((n * 7) % WEEK.getClients().size());
            var treatment = WEEK.getTreatments().get(n % WEEK.getTreatments().size());
            var durations = treatment.durationsMinutes();
            var minutes = durations.get((n / WEEK.getTreatments().size()) % durations.size());
            var day = MONDAY.plusDays(n % 7);
            // Every fourth request asks for any time this week, the widest window there is; the rest for one day,
            // some for the whole of it, some for a morning or an evening.
            var wholeWeek = n % 4 == 3;
            LocalDateTime from;
            LocalDateTime to;
            if (wholeWeek) {
                from = MONDAY.atStartOfDay();
                to = MONDAY.plusDays(7).atStartOfDay();
            } else if (n % 4 == 0) {
                from = day.atTime(8, 0);
                to = day.atTime(13, 0);
            } else if (n % 4 == 1) {
                from = day.atTime(15, 0);
                to = day.atTime(21, 0);
            } else {
                from = day.atStartOfDay();
                to = day.plusDays(1).atStartOfDay();
            }
            var body = """
                    {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"windowStart":"%s","windowEnd":"%s",
                     "count":%d}""".formatted(client.id(), treatment.id(), minutes, from, to, n % 5 == 0 ? 10 : 5);
            var started = System.nanoTime();
            var answer = http.post().uri("/api/front-desk/slot-options").contentType(MediaType.APPLICATION_JSON)
                    .body(body).exchange((request, response) -> {
                        assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.OK);
                        return json.readTree(response.getBody());
                    }, false);
            var elapsed = (System.nanoTime() - started) / 1e6;
            if (i >= 0) {
                millis[i] = elapsed;
                weekWindows += wholeWeek ? 1 : 0;
                empty += answer.isEmpty() ? 1 : 0;
            }
        }
        System.out.printf("Slot options on MEDIUM over %d requests (%d whole-week windows, %d with no option; %d "
                + "warm-up requests not counted), %d cores: %s%n", requests, weekWindows, empty, warmup,
                Runtime.getRuntime().availableProcessors(), Latencies.ofMillis(millis).summary());
        afterAWrite(http);
    }

    /**
     * The first question after a write pays for reading and mapping the week again (the kept one is stale): a
     * booking, then a question about another day, {@code -Dslot.options.writes=N} times (default 30).
     */
    private void afterAWrite(RestClient http) {
        var writes = Integer.getInteger("slot.options.writes", 30);
        var treatment = WEEK.getTreatments().get(0);
        var minutes = treatment.durationsMinutes().get(0);
        var millis = new double[writes];
        for (var i = 0; i < writes; i++) {
            var day = MONDAY.plusDays(i % 6);
            var client = WEEK.getClients().get((i * 11) % WEEK.getClients().size());
            var options = ask(http, client.id(), treatment.id(), minutes, MONDAY.atStartOfDay(),
                    MONDAY.plusDays(7).atStartOfDay());
            if (!options.isEmpty()) {
                var option = options.get(0);
                var booked = http.post().uri("/api/front-desk/bookings").contentType(MediaType.APPLICATION_JSON)
                        .body("""
                                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"therapistId":"%s",
                                 "roomId":"%s","startsAt":"%s"}""".formatted(client.id(),
                                treatment.id(), minutes, option.get("therapistId").asString(),
                                option.get("roomId").asString(), option.get("startsAt").asString()))
                        .exchange((request, response) -> response.getStatusCode(), false);
                assertThat(booked).isEqualTo(HttpStatus.CREATED);
            }
            var started = System.nanoTime();
            ask(http, WEEK.getClients().get(i).id(), treatment.id(), minutes, day.atStartOfDay(),
                    day.plusDays(1).atStartOfDay());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        System.out.printf("Slot options on MEDIUM, first question after a booking, over %d: %s%n", writes,
                Latencies.ofMillis(millis).summary());
    }

    private tools.jackson.databind.JsonNode ask(RestClient http, String clientId, String treatmentId, int minutes,
            LocalDateTime from, LocalDateTime to) {
        return http.post().uri("/api/front-desk/slot-options").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"windowStart":"%s","windowEnd":"%s"}"""
                        .formatted(clientId, treatmentId, minutes, from, to))
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                    return json.readTree(response.getBody());
                }, false);
    }
}
