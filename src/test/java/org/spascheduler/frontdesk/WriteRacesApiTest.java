package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.Latencies;
import org.spascheduler.SettableClock;
import org.spascheduler.TestAccounts;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Desks racing for one week with the service's own wait for a week ({@code spa.week-lock.max-wait}, 500 ms): exactly one
 * booking of a slot wins, and every loser is answered 409 at once instead of after queueing behind all the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spa.week-lock.max-wait=500ms")
@ActiveProfiles("test")
class WriteRacesApiTest {

    /** A week no other test uses: the in-memory database outlives the Spring contexts of one test run. */
    private static final LocalDate MONDAY = LocalDate.of(2043, 1, 5);
    private static final DemoTestWeek DEMO = new DemoTestWeek(DemoSize.SMALL, MONDAY);
    private static final SpaSchedule WEEK = DEMO.planning();
    private static final int DESKS = 100;
    /**
     * One client for all desks: a client each would start a hundred selector threads on the service's own two cores,
     * and the figures would measure them.
     */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SettableClock clock;

    @AfterEach
    void clockBackToNow() {
        clock.set(Clock.systemUTC());
    }

    private record Answer(int status, long millis, boolean retryAfter) {
    }

    @Test
    void aHundredBookingsOfOneSlotGiveOneBookingAndEveryLoserIsAnsweredWithoutQueueing() throws Exception {
        DEMO.clockOnFridayBefore(clock);
        DEMO.importOverHttp(TestAccounts.manager(port), json, DemoTestWeek.Bookings.AS_GENERATED,
                "race-");
        var treatment = WEEK.getTreatments().get(0);
        var client = WEEK.getClients().get(0);
        var minutes = treatment.durationsMinutes().get(0);
        warmUp(WEEK.getClients().get(1).id(), treatment.id(), minutes);
        var options = json.readTree(post("/api/front-desk/slot-options", """
                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"windowStart":"%s","windowEnd":"%s"}"""
                .formatted(client.id(), treatment.id(), minutes, MONDAY.plusDays(2).atTime(8, 0),
                        MONDAY.plusDays(2).atTime(21, 0))).body());
        assertThat(options.size()).as("the demo week has room for one more session that day").isPositive();
        var option = options.get(0);
        var booking = """
                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"therapistId":"%s","roomId":"%s",
                 "startsAt":"%s","reason":"race"}""".formatted(client.id(), treatment.id(), minutes,
                option.get("therapistId").asString(), option.get("roomId").asString(),
                option.get("startsAt").asString());

        var desks = Executors.newFixedThreadPool(DESKS);
        List<Answer> answers = new ArrayList<>();
        try {
            var bookings = new ArrayList<Callable<Answer>>();
            for (var i = 0; i < DESKS; i++) {
                bookings.add(() -> {
                    var started = System.nanoTime();
                    var answer = post("/api/front-desk/bookings", booking);
                    return new Answer(answer.statusCode(), (System.nanoTime() - started) / 1_000_000,
                            answer.headers().firstValue("Retry-After").isPresent());
                });
            }
            for (var future : desks.invokeAll(bookings)) {
                answers.add(future.get());
            }
        } finally {
            desks.shutdownNow();
        }

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(409));
        var slowestLoser = answers.stream().filter(answer -> answer.status() == 409).mapToLong(Answer::millis).max()
                .orElseThrow();
        var losers = Latencies.ofMillis(answers.stream().filter(answer -> answer.status() == 409)
                .map(Answer::millis).toList());
        System.out.printf("100 racing bookings: 1 booked, %d answered busy with Retry-After; losers %s (load %.1f)%n",
                answers.stream().filter(Answer::retryAfter).count(), losers.summary(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // Queued behind 99 others this was over a minute; waiting at most 500 ms for the week, a few seconds at worst.
        assertThat(slowestLoser).isLessThan(15_000);
    }

    /**
     * A running service has compiled its booking path long ago: book a slot of another day for another client, then
     * try it again a few times (each a 409), one after another, so that the race measures the service and not the JIT.
     */
    private void warmUp(String clientId, String treatmentId, int minutes) throws Exception {
        var day = MONDAY.plusDays(3);
        var options = json.readTree(post("/api/front-desk/slot-options", """
                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"windowStart":"%s","windowEnd":"%s"}"""
                .formatted(clientId, treatmentId, minutes, day.atTime(8, 0), day.atTime(21, 0))).body());
        var option = options.get(0);
        var booking = """
                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"therapistId":"%s","roomId":"%s",
                 "startsAt":"%s","reason":"warm-up"}""".formatted(clientId, treatmentId, minutes,
                option.get("therapistId").asString(), option.get("roomId").asString(),
                option.get("startsAt").asString());
        for (var attempt = 0; attempt < 15; attempt++) {
            assertThat(post("/api/front-desk/bookings", booking).statusCode()).isIn(201, 409);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestAccounts.basic(TestAccounts.MANAGER))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
