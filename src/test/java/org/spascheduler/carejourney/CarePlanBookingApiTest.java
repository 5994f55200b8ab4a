package org.spascheduler.carejourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.SettableClock;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.CarePlanRepository;
import org.spascheduler.common.Weeks;
import org.spascheduler.planning.PlanningWeeks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * Booking a suggested plan, over real HTTP, after a busy published MEDIUM week: every session confirmed at once and
 * pinned in the weeks it lies in; a cancelled session's place suggested again around the kept ones; two clients
 * accepting plans that share a slot get one booking and one 409 with fresh suggestions, and nothing half-booked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CarePlanBookingApiTest {

    /** A week no other test class uses, nor the eight after it; the care plan tests share it. */
    private static final LocalDate MONDAY = LocalDate.of(2038, 1, 4);

    @LocalServerPort
    private int port;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SettableClock clock;
    @Autowired
    private AppointmentRepository appointments;
    @Autowired
    private CarePlanRepository plans;
    @Autowired
    private PlanningWeeks store;

    private CarePlanTestWeek week;

    @BeforeEach
    void importTheWeekOnce() {
        week = new CarePlanTestWeek(MONDAY, port, json);
        week.clockAt(clock, MONDAY.minusDays(3).atTime(9, 0));
        week.importAndPublishOnce();
    }

    /** The clock is shared by every test of the Spring context. */
    @AfterEach
    void clockBackToNow() {
        clock.set(Clock.systemUTC());
    }

    @Test
    void anAcceptedPlanIsBookedConfirmedAndItsCancelledSessionSuggestedAgainAroundTheKeptOnes() {
        var client = week.week.getClients().get(20);
        var treatment = week.treatment("Trigger point");
        var suggested = week.suggestions("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,"sameTherapist":true,"earliestStart":"%s",
                 "horizonWeeks":3}""".formatted(client.id(), treatment.id(), MONDAY.plusDays(3)));
        var plan = suggested.plans().get(0);

        var accepted = accept(plan.suggestionId());
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var progress = week.ok(accepted);
        var planId = progress.get("plan").get("id").asString();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/care-plans/" + planId + "/progress");
        assertThat(progress.get("plan").get("totalSessions").asInt()).isEqualTo(4);
        assertThat(progress.get("plan").get("sameTherapist").asBoolean()).isTrue();
        assertThat(progress.get("upcoming").asInt()).isEqualTo(4);
        assertThat(progress.get("toBook").asInt()).isZero();
        var stored = appointments.findByCarePlanId(planId).stream()
                .sorted(java.util.Comparator.comparing(StoredAppointment::startsAt)).toList();
        assertThat(stored).hasSize(4).allSatisfy(session -> {
            assertThat(session.state()).isEqualTo(BookingState.CONFIRMED);
            assertThat(session.publishedStartsAt()).isEqualTo(session.startsAt());
            assertThat(session.clientId()).isEqualTo(client.id());
        });
        assertThat(stored.stream().map(StoredAppointment::startsAt).toList())
                .isEqualTo(plan.sessions().stream().map(PlanSuggestionsView.Session::startsAt).toList());
        assertPinnedWhenItsWeekIsSolved(stored.get(1));

        // The second session is cancelled: the rest is suggested again between the first and the third.
        var cancelled = week.ok(week.post("/api/care-plans/%s/sessions/%s/cancel".formatted(planId,
                stored.get(1).id()), "{\"reason\":\"a cold\"}"));
        assertThat(cancelled.get("cancelled").asInt()).isEqualTo(1);
        assertThat(cancelled.get("toBook").asInt()).isEqualTo(1);
        var rest = json.readValue(week.ok(week.post("/api/care-plans/" + planId + "/suggestions", "{}")).toString(),
                PlanSuggestionsView.class);
        assertThat(rest.carePlanId()).isEqualTo(planId);
        assertThat(rest.plans()).isNotEmpty().allSatisfy(again -> {
            var session = again.sessions().get(0);
            assertThat(again.sessions()).hasSize(1);
            assertThat(session.number()).isEqualTo(2);
            assertThat(ChronoUnit.DAYS.between(stored.get(0).startsAt().toLocalDate(), session.date()))
                    .as("spacing from the first session, done or kept").isBetween(2L, 7L);
            assertThat(ChronoUnit.DAYS.between(session.date(), stored.get(2).startsAt().toLocalDate()))
                    .as("spacing to the third").isBetween(2L, 7L);
            assertThat(session.therapistId()).as("the same therapist, as the plan asks")
                    .isEqualTo(stored.get(0).therapistId());
        });
        var rebooked = week.ok(accept(rest.plans().get(0).suggestionId()));
        assertThat(rebooked.get("upcoming").asInt()).isEqualTo(4);
        assertThat(rebooked.get("cancelled").asInt()).isEqualTo(1);
        assertThat(rebooked.get("toBook").asInt()).isZero();
        assertThat(CarePlanTestWeek.list(rebooked.get("sessions"))).extracting(s -> s.get("state").asString())
                .containsExactlyInAnyOrder("UPCOMING", "CANCELLED", "UPCOMING", "UPCOMING", "UPCOMING");
        assertThat(week.get("/api/care-plans/" + planId + "/progress").getBody()).isEqualTo(rebooked.toString());

        assertThat(week.problemField(week.post("/api/care-plans/%s/sessions/%s/cancel".formatted(planId,
                "no-such-session"), "{}"), HttpStatus.NOT_FOUND)).isEqualTo("appointmentId");
        assertThat(week.problemField(week.post("/api/care-plans/" + planId + "/suggestions", "{}"),
                HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("carePlanId");
    }

    @Test
    void twoClientsAcceptingPlansThatShareASlotGetOneBookingAndOneConflictWithNothingHalfBooked()
            throws Exception {
        var treatment = week.treatment("Deep tissue");
        var therapist = week.week.getTherapists().stream().filter(t -> t.hasSkill(treatment.requiredSkill()))
                .findFirst().orElseThrow();
        var first = week.week.getClients().get(30);
        var second = week.week.getClients().get(31);
        var request = """
                {"clientId":"%s","treatmentId":"%s","sessions":3,"therapistId":"%s","sameTherapist":true,
                 "earliestStart":"%s","horizonWeeks":2,"preferredTimes":[]}""";
        var firstPlan = week.suggestions(request.formatted(first.id(), treatment.id(), therapist.id(),
                MONDAY.plusWeeks(6))).plans().get(0);
        var secondPlan = week.suggestions(request.formatted(second.id(), treatment.id(), therapist.id(),
                MONDAY.plusWeeks(6))).plans().get(0);
        assertThat(firstPlan.sessions().get(0).startsAt()).as("the same first slot")
                .isEqualTo(secondPlan.sessions().get(0).startsAt());

        var ready = new CountDownLatch(2);
        var executor = Executors.newFixedThreadPool(2);
        var answers = new ArrayList<ResponseEntity<String>>();
        try {
            var attempts = new ArrayList<Callable<ResponseEntity<String>>>();
            for (var plan : List.of(firstPlan, secondPlan)) {
                attempts.add(() -> {
                    ready.countDown();
                    ready.await();
                    return accept(plan.suggestionId());
                });
            }
            for (var future : executor.invokeAll(attempts)) {
                answers.add(future.get());
            }
        } finally {
            executor.shutdown();
        }
        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        var conflict = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst()
                .orElseThrow();
        var problem = json.readTree(conflict.getBody());
        assertThat(problem.get("field").asString()).isEqualTo("suggestionId");
        var fresh = CarePlanTestWeek.list(problem.get("suggestions").get("plans"));
        assertThat(fresh).as("fresh suggestions around the plan just booked").isNotEmpty();
        var winner = answers.get(0).getStatusCode() == HttpStatus.CREATED ? first : second;
        var loser = winner == first ? second : first;
        assertThat(conflict.getBody()).as("the slot is only 'taken': nothing of who took it")
                .doesNotContain(winner.name()).doesNotContain("\"" + winner.id() + "\"");
        assertThat(plans.findByClientId(loser.id())).as("no plan stored for the loser").isEmpty();
        assertThat(appointments.findByClientId(loser.id())).as("nothing half-booked")
                .noneMatch(a -> a.startsAt() != null && !a.startsAt().isBefore(MONDAY.plusWeeks(6).atStartOfDay()));
        assertThat(appointments.findByClientId(winner.id())).filteredOn(a -> a.carePlanId() != null).hasSize(3);
        // The fresh plans avoid the winner's sessions with the same therapist.
        var taken = appointments.findByClientId(winner.id()).stream().filter(a -> a.carePlanId() != null)
                .map(StoredAppointment::startsAt).toList();
        fresh.forEach(plan -> CarePlanTestWeek.list(plan.get("sessions")).forEach(session -> assertThat(
                LocalDateTime.parse(session.get("startsAt").asString())).isNotIn(taken)));
    }

    /** When the manager solves the session's week, it is a confirmed, pinned session of its care plan there. */
    private void assertPinnedWhenItsWeekIsSolved(StoredAppointment booked) {
        var schedule = store.solution(Weeks.weekStartOf(booked.startsAt()));
        var planned = schedule.getAppointments().stream().filter(a -> a.getId().equals(booked.id())).findFirst()
                .orElseThrow();
        assertThat(planned.isPinned()).isTrue();
        assertThat(planned.isScheduled()).isTrue();
        assertThat(planned.getCarePlan()).isNotNull();
        assertThat(planned.getCarePlan().id()).isEqualTo(booked.carePlanId());
        assertThat(planned.getSeriesIndex()).as("second of its series").isEqualTo(1);
        assertThat(schedule.getSettings().dateTimeOf(planned.getStartMinute())).isEqualTo(booked.startsAt());
    }

    private ResponseEntity<String> accept(String suggestionId) {
        return week.post("/api/care-plans/suggestions/accept", "{\"suggestionId\":\"%s\"}".formatted(suggestionId));
    }
}
