package org.spascheduler.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.DemoTestWeek;
import org.spascheduler.SettableClock;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.books.BooksEventKind;
import org.spascheduler.books.BooksEventRepository;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.client.StoredClient;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.Treatment;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.therapist.TherapistRepository;
import org.spascheduler.web.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slot options and booking on the demo MEDIUM week, placed as its hidden roster (a full week the front desk works in),
 * over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SlotOptionsApiTest {

    /** A week no other test uses: the in-memory database is shared by the Spring tests. */
    private static final LocalDate MONDAY = LocalDate.of(2034, 1, 2);
    /** Appointment and care plan ids of the demo repeat in every demo week: ours get their own. */
    private static final String PREFIX = "slot-";
    private static final DemoTestWeek DEMO = new DemoTestWeek(MONDAY);
    private static final SpaSchedule WEEK = DEMO.planning();

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SettableClock clock;
    @Autowired
    private PlanningWeeks store;
    @Autowired
    private SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    @Autowired
    private AppointmentRepository appointments;
    @Autowired
    private ClientRepository clients;
    @Autowired
    private TherapistRepository therapists;
    @Autowired
    private BooksEventRepository events;

    private RestClient http;

    @BeforeEach
    void importTheWeekOnce() {
        http = RestClient.create("http://localhost:" + port);
        DEMO.clockOnFridayBefore(clock);
        DEMO.importOverHttpOnce(http, json, DemoTestWeek.Bookings.AS_GENERATED, PREFIX);
    }

    /** The clock is shared by every test of the Spring context. */
    @AfterEach
    void clockBackToNow() {
        clock.set(Clock.systemUTC());
    }

    @Test
    void optionsAreDistinctRankedInsideTheWindowAndBreakNoHardRule() {
        var client = clientWithPreferredTherapist();
        var treatment = treatment("Relaxation");
        var options = options(client, treatment, 60, MONDAY.plusDays(1).atTime(9, 0), MONDAY.plusDays(1).atTime(20, 0),
                10);

        assertThat(options).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        var independently = new IndependentCheck(client);
        var places = new HashSet<String>();
        long[] previous = null;
        for (var option : options) {
            assertThat(places.add(option.get("therapistId").asString() + "@" + option.get("startsAt").asString()))
                    .as("distinct").isTrue();
            var diff = score(option.get("scoreDiff").asString());
            assertThat(options).as("no two options of one therapist overlap: each is a choice of its own")
                    .filteredOn(other -> other != option
                            && other.get("therapistId").equals(option.get("therapistId"))
                            && LocalDateTime.parse(other.get("startsAt").asString()).isBefore(
                                    LocalDateTime.parse(option.get("endsAt").asString()))
                            && LocalDateTime.parse(option.get("startsAt").asString()).isBefore(
                                    LocalDateTime.parse(other.get("endsAt").asString())))
                    .isEmpty();
            assertThat(diff[0]).isZero();
            if (previous != null) {
                assertThat(Arrays.compare(previous, diff)).as("ranked best first").isGreaterThanOrEqualTo(0);
            }
            previous = diff;
            var startsAt = LocalDateTime.parse(option.get("startsAt").asString());
            assertThat(startsAt).isAfterOrEqualTo(MONDAY.plusDays(1).atTime(9, 0));
            assertThat(LocalDateTime.parse(option.get("endsAt").asString())).isEqualTo(startsAt.plusMinutes(60))
                    .isBeforeOrEqualTo(MONDAY.plusDays(1).atTime(20, 0));
            assertThat(therapist(option.get("therapistId").asString()).hasSkill(treatment.requiredSkill())).isTrue();
            assertThat(independently.hardScoreChange(treatment, option)).as("independently checked").isZero();
            assertThat(option.get("effects").isArray()).isTrue();
        }
        // The wish for a therapist is spoken of, and no other client is ever named.
        assertThat(options.get(0).get("effects").toString()).contains("preferred therapist");
        var body = options.toString();
        WEEK.getClients().stream().filter(other -> !other.id().equals(client.id()))
                .forEach(other -> assertThat(body).doesNotContain(other.name()));
    }

    @Test
    void aBookedOptionIsStoredConfirmedRecordedAndNotOfferedAgain() {
        var client = WEEK.getClients().get(1);
        var treatment = treatment("Relaxation");
        var from = MONDAY.plusDays(2).atTime(9, 0);
        var to = MONDAY.plusDays(2).atTime(20, 0);
        var option = options(client, treatment, 30, from, to, 5).get(0);

        var booked = book(client.id(), treatment.id(), 30, option);
        assertThat(booked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var appointment = json.readTree(booked.getBody());
        assertThat(booked.getHeaders().getLocation()).hasToString("/api/appointments/" + appointment.get("id")
                .asString());
        assertThat(appointment.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(appointment.get("publishedStartsAt").asString()).isEqualTo(option.get("startsAt").asString());
        assertThat(appointment.get("publishedTherapistId").asString()).isEqualTo(option.get("therapistId").asString());
        var event = events.findByWeekStartOrderByRecordedAtAscIdAsc(MONDAY).stream()
                .filter(e -> appointment.get("id").asString().equals(e.appointmentId())).findFirst().orElseThrow();
        assertThat(event.kind()).isEqualTo(BooksEventKind.BOOKING);
        assertThat(event.changes()).singleElement().satisfies(change -> {
            assertThat(change.fromStartsAt()).isNull();
            assertThat(change.why()).isEqualTo("booked by " + Actors.ANONYMOUS);
        });

        assertThat(options(client, treatment, 30, from, to, 20)).noneMatch(
                again -> again.get("therapistId").equals(option.get("therapistId"))
                        && again.get("startsAt").equals(option.get("startsAt")));
        var taken = book(WEEK.getClients().get(2).id(), treatment.id(), 30, option);
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(taken.getBody()).get("options").isArray()).isTrue();
    }

    @Test
    void theFirstSessionOfAnEmptyWeekCanBeOfferedAndBooked() {
        // The week after the imported one has no sessions yet; its therapists work their usual weeks.
        var client = WEEK.getClients().get(3);
        var treatment = treatment("Relaxation");
        var tuesday = MONDAY.plusWeeks(1).plusDays(1);
        var offered = options(client, treatment, 60, tuesday.atTime(9, 0), tuesday.atTime(20, 0), 3);

        assertThat(offered).isNotEmpty();
        assertThat(book(client.id(), treatment.id(), 60, offered.get(0)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    /** Options come from a week kept between questions: any write to the books, not only a booking, renews it. */
    @Test
    void aTherapistsTimeOffIsSeenByTheNextQuestion() {
        var client = WEEK.getClients().get(5);
        var treatment = treatment("Relaxation");
        var friday = MONDAY.plusDays(4);
        var before = options(client, treatment, 60, friday.atTime(9, 0), friday.atTime(20, 0), 20);
        assertThat(before).isNotEmpty();
        var therapistId = before.get(0).get("therapistId").asString();
        var stored = therapists.findById(therapistId).orElseThrow();
        var timeOff = new ArrayList<>(stored.timeOff());
        timeOff.add(new StoredTherapist.TimeOff(friday.atStartOfDay(), friday.plusDays(1)
                .atStartOfDay(), "dentist"));
        therapists.save(new StoredTherapist(stored.id(), stored.name(),
                stored.changeoverMinutes(), stored.maxHandsOnMinutesPerDay(), stored.maxHighLoadSessionsPerDay(),
                stored.workRules(), stored.skills(), stored.weeklyShifts(), stored.shifts(), timeOff,
                stored.ratherNotWork(), stored.version()));

        assertThat(options(client, treatment, 60, friday.atTime(9, 0), friday.atTime(20, 0), 20))
                .noneMatch(option -> option.get("therapistId").asString().equals(therapistId));
    }

    @Test
    void twoDesksBookingTheSameSlotAtOnceGetOneBookingAndOneConflict() throws Exception {
        var treatment = treatment("Relaxation");
        var option = options(WEEK.getClients().get(3), treatment, 60, MONDAY.plusDays(3).atTime(9, 0),
                MONDAY.plusDays(3).atTime(20, 0), 1).get(0);
        var ready = new CountDownLatch(2);
        var executor = Executors.newFixedThreadPool(2);
        try {
            var attempts = new ArrayList<Callable<HttpStatus>>();
            for (var client : List.of(WEEK.getClients().get(3), WEEK.getClients().get(4))) {
                attempts.add(() -> {
                    ready.countDown();
                    ready.await();
                    return (HttpStatus) book(client.id(), treatment.id(), 60, option).getStatusCode();
                });
            }
            var statuses = new ArrayList<HttpStatus>();
            for (var future : executor.invokeAll(attempts)) {
                statuses.add(future.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        } finally {
            executor.shutdown();
        }
        var startsAt = LocalDateTime.parse(option.get("startsAt").asString());
        assertThat(appointments.findByWeekStart(MONDAY)).filteredOn(
                a -> option.get("therapistId").asString().equals(a.therapistId()) && startsAt.equals(a.startsAt()))
                .hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var client = WEEK.getClients().get(0).id();
        var treatment = treatment("Deep tissue");
        var tuesday = MONDAY.plusDays(1);
        assertThat(post("/api/front-desk/slot-options", "{\"treatmentId\":\"%s\"}".formatted(treatment.id()))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem(request("nobody", treatment.id(), 60, tuesday.atTime(9, 0), tuesday.atTime(18, 0), 30)))
                .isEqualTo("count");
        assertThat(problem(request("nobody", treatment.id(), 60, tuesday.atTime(9, 0), tuesday.atTime(18, 0), 5)))
                .isEqualTo("clientId");
        assertThat(problem(request(client, "no-such-treatment", 60, tuesday.atTime(9, 0), tuesday.atTime(18, 0), 5)))
                .isEqualTo("treatmentId");
        assertThat(problem(request(client, treatment.id(), 45, tuesday.atTime(9, 0), tuesday.atTime(18, 0), 5)))
                .isEqualTo("durationMinutes");
        assertThat(problem(request(client, treatment.id(), 60, MONDAY.plusDays(6).atTime(9, 0),
                MONDAY.plusDays(8).atTime(18, 0), 5))).isEqualTo("windowEnd");
        assertThat(problem(request(client, treatment.id(), 60, MONDAY.minusDays(6).atTime(9, 0),
                MONDAY.minusDays(6).atTime(18, 0), 5))).isEqualTo("windowEnd");
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /**
     * How the week's hard score changes with the session placed as an option says, computed apart from the API: the
     * week read once, scored from scratch without and with the session.
     */
    private final class IndependentCheck {

        private final StoredWeek stored = store.stored(MONDAY);
        private final StoredClient client;
        private final long hardScoreWithout;

        IndependentCheck(Client client) {
            this.client = clients.findById(client.id()).orElseThrow();
            this.hardScoreWithout = solutionManager.update(store.solution(stored),
                    SolutionUpdatePolicy.UPDATE_SCORE_ONLY).hardScore();
        }

        long hardScoreChange(Treatment treatment, JsonNode option) {
            var startsAt = LocalDateTime.parse(option.get("startsAt").asString());
            var placed = new StoredAppointment("independent-check", client.id(), treatment.id(), 60,
                    startsAt, startsAt.plusMinutes(60), MONDAY, BookingState.REQUESTED,
                    false, null, option.get("therapistId").asString(), option.get("roomId").asString(), startsAt, null,
                    null, null, null);
            var with = store.solution(SlotOptionsService.withRequest(stored, client, placed));
            return solutionManager.update(with, SolutionUpdatePolicy.UPDATE_SCORE_ONLY).hardScore()
                    - hardScoreWithout;
        }
    }

    private List<JsonNode> options(Client client, Treatment treatment, int minutes, LocalDateTime from,
            LocalDateTime to, int count) {
        var response = post("/api/front-desk/slot-options", request(client.id(), treatment.id(), minutes, from, to,
                count));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var list = new ArrayList<JsonNode>();
        json.readTree(response.getBody()).forEach(list::add);
        return list;
    }

    private ResponseEntity<String> book(String clientId, String treatmentId, int minutes, JsonNode option) {
        return post("/api/front-desk/bookings", """
                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"therapistId":"%s","roomId":"%s",
                 "startsAt":"%s","reason":"phone call"}""".formatted(clientId, treatmentId, minutes,
                option.get("therapistId").asString(), option.get("roomId").asString(),
                option.get("startsAt").asString()));
    }

    private static String request(String clientId, String treatmentId, int minutes, LocalDateTime from,
            LocalDateTime to, int count) {
        return """
                {"clientId":"%s","treatmentId":"%s","durationMinutes":%d,"windowStart":"%s","windowEnd":"%s",
                 "count":%d}""".formatted(clientId, treatmentId, minutes, from, to, count);
    }

    /** The first offending field of a 400 or 422 answer. */
    private String problem(String body) {
        var response = post("/api/front-desk/slot-options", body);
        assertThat(response.getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_CONTENT);
        return json.readTree(response.getBody()).get("field").asString();
    }

    private ResponseEntity<String> post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange(
                (request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(new String(response.getBody().readAllBytes())),
                false);
    }

    /** "0hard/+1medium/-45soft" as {0, 1, -45}. */
    private static long[] score(String diff) {
        return Arrays.stream(diff.split("/")).mapToLong(part -> Long.parseLong(part.replaceAll("[a-z+]", "")))
                .toArray();
    }

    private static Client clientWithPreferredTherapist() {
        return WEEK.getClients().stream().filter(Client::prefersSomeTherapist).findFirst().orElseThrow();
    }

    private static Treatment treatment(String name) {
        return WEEK.getTreatments().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Therapist therapist(String id) {
        return WEEK.getTherapists().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
