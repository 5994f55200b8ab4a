package org.spascheduler.carejourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.SettableClock;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.client.ClientRepository;
import org.spascheduler.common.Weeks;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.schedule.domain.Client;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Care plan suggestions on a busy, published MEDIUM week and the empty weeks after it, over real HTTP: each plan keeps
 * every hard rule of every week it touches (checked here apart from the service, the week scored from scratch with
 * the plan's sessions in it), the spacing, the rest between high-load sessions and the skill; the plans differ; a
 * plan that cannot be complete says why; nothing names another client; bad input names its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CarePlanSuggestionsApiTest {

    /** A week no other test class uses, nor the eight after it; the care plan tests share it. */
    private static final LocalDate MONDAY = LocalDate.of(2038, 1, 4);

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
    void threeDifferentPlansKeepEveryRuleOfTheWeeksTheyTouch() {
        var treatment = week.treatment("Trigger point");
        var client = chronicClientWithHighLoadSession();
        var answer = week.suggestions("""
                {"clientId":"%s","treatmentId":"%s","sessions":6,"earliestStart":"%s","horizonWeeks":4}"""
                .formatted(client.id(), treatment.id(), MONDAY));

        assertThat(answer.whyIncomplete()).isEmpty();
        assertThat(answer.durationMinutes()).isEqualTo(60);
        assertThat(answer.spacing().minDays()).as("the treatment's default").isEqualTo(2);
        assertThat(answer.plans()).hasSize(3).allMatch(PlanSuggestionsView.Plan::complete);
        var keys = answer.plans().stream().map(plan -> plan.sessions().stream()
                .map(session -> session.date() + "@" + session.therapistId()).toList()).collect(Collectors.toSet());
        assertThat(keys).as("three different plans").hasSize(3);
        assertThat(answer.plans().stream().map(PlanSuggestionsView.Plan::summary).distinct()).hasSize(3);
        var skilled = week.week.getTherapists().stream().filter(t -> t.hasSkill(treatment.requiredSkill()))
                .map(t -> t.id()).collect(Collectors.toSet());
        var othersHighLoad = appointments.findByClientId(client.id()).stream()
                .filter(a -> a.state() != BookingState.CANCELLED && a.isPlaced() && highLoad(a)).toList();
        assertThat(othersHighLoad).as("the client has a high-load session in the week: the rest is tested")
                .isNotEmpty();
        for (var plan : answer.plans()) {
            var sessions = plan.sessions();
            assertThat(sessions).hasSize(6);
            assertThat(sessions.get(0).startsAt()).isAfterOrEqualTo(MONDAY.atStartOfDay());
            assertThat(sessions.get(5).date()).isBefore(MONDAY.plusWeeks(4));
            for (var index = 0; index < sessions.size(); index++) {
                var session = sessions.get(index);
                assertThat(session.number()).isEqualTo(index + 1);
                assertThat(session.therapistId()).as("skilled").isIn(skilled);
                assertThat(session.endsAt()).isEqualTo(session.startsAt().plusMinutes(60));
                if (index > 0) {
                    var days = ChronoUnit.DAYS.between(sessions.get(index - 1).date(), session.date());
                    assertThat(days).as("spacing").isBetween(2L, 7L).isEqualTo((long) session.daysAfterPrevious());
                    assertThat(Duration.between(sessions.get(index - 1).startsAt(), session.startsAt()))
                            .as("48 hours between high-load sessions").isGreaterThanOrEqualTo(Duration.ofHours(48));
                }
                for (var other : othersHighLoad) {
                    assertThat(Duration.between(other.startsAt(), session.startsAt()).abs())
                            .as("48 hours from the client's other high-load sessions")
                            .isGreaterThanOrEqualTo(Duration.ofHours(48));
                }
            }
            assertThat(hardScoreChange(client, treatment.id(), sessions)).as("independently checked").isZero();
        }
        assertPrivate(week.post("/api/care-plans/suggestions", """
                {"clientId":"%s","treatmentId":"%s","sessions":6,"earliestStart":"%s","horizonWeeks":4}"""
                .formatted(client.id(), treatment.id(), MONDAY)).getBody(), client.id());
    }

    @Test
    void sameTherapistThroughoutWhenAskedAndThePreferredTimesWhereTheyFit() {
        var treatment = week.treatment("Deep tissue");
        var client = week.week.getClients().get(7);
        var answer = week.suggestions("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,"sameTherapist":true,"earliestStart":"%s",
                 "preferredTimes":[{"dayOfWeek":"TUESDAY","starts":"17:00","ends":"20:00"},
                                   {"dayOfWeek":"FRIDAY","starts":"17:00","ends":"20:00"}]}"""
                .formatted(client.id(), treatment.id(), MONDAY));

        assertThat(answer.plans()).isNotEmpty().allSatisfy(plan -> {
            assertThat(plan.sessions().stream().map(PlanSuggestionsView.Session::therapistId).distinct()).hasSize(1);
            assertThat(plan.summary()).contains("throughout");
        });
        var best = answer.plans().get(0);
        assertThat(best.tradeOffs()).anyMatch(words -> words.contains("preferred days and hours"));
        assertThat(best.sessions()).as("evenings on Tuesdays and Fridays fit 3-4 days apart")
                .allMatch(session -> session.startsAt().getHour() >= 17);
    }

    @Test
    void whenNoCompletePlanFitsItSaysWhyAndOffersTheLongestThatDoes() {
        var treatment = week.treatment("Trigger point");
        var client = week.week.getClients().get(11);
        var answer = week.suggestions("""
                {"clientId":"%s","treatmentId":"%s","sessions":6,"earliestStart":"%s","horizonWeeks":1,
                 "spacing":{"minDays":3,"idealMinDays":3,"idealMaxDays":4,"maxDays":7}}"""
                .formatted(client.id(), treatment.id(), MONDAY.plusWeeks(1)));

        assertThat(answer.plans()).as(answer.toString()).singleElement().satisfies(plan -> {
            assertThat(plan.complete()).isFalse();
            assertThat(plan.sessions()).as("Monday, Thursday, Sunday at most").hasSizeBetween(1, 3);
            assertThat(plan.tradeOffs()).anyMatch(words -> words.startsWith("Only"));
        });
        assertThat(answer.whyIncomplete()).anyMatch(words -> words.startsWith("Trigger point is given by"))
                .anyMatch(words -> words.contains("The longest plan that fits holds"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var client = week.week.getClients().get(0).id();
        var treatment = week.treatment("Trigger point").id();
        assertThat(field("""
                {"clientId":"%s","treatmentId":"%s","sessions":0}""".formatted(client, treatment),
                HttpStatus.BAD_REQUEST)).isEqualTo("sessions");
        assertThat(field("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,"horizonWeeks":9}""".formatted(client, treatment),
                HttpStatus.BAD_REQUEST)).isEqualTo("horizonWeeks");
        assertThat(field("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,
                 "spacing":{"minDays":5,"idealMinDays":5,"idealMaxDays":5,"maxDays":3}}""".formatted(client, treatment),
                HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("spacing.maxDays");
        assertThat(field("""
                {"clientId":"%s","treatmentId":"no-such-treatment","sessions":4}""".formatted(client),
                HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("treatmentId");
        assertThat(field("""
                {"clientId":"nobody","treatmentId":"%s","sessions":4}""".formatted(treatment),
                HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("clientId");
        assertThat(field("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,"durationMinutes":45}""".formatted(client, treatment),
                HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("durationMinutes");
        assertThat(field("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,"earliestStart":"9999-12-31"}""".formatted(client,
                treatment), HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("earliestStart");
        var unskilled = week.week.getTherapists().stream().filter(t -> !t.hasSkill("trigger point")).findFirst()
                .orElseThrow().id();
        assertThat(field("""
                {"clientId":"%s","treatmentId":"%s","sessions":4,"therapistId":"%s"}""".formatted(client, treatment,
                unskilled), HttpStatus.UNPROCESSABLE_CONTENT)).isEqualTo("therapistId");
        assertThat(week.problemField(week.get("/api/care-plans/no-such-plan/progress"), HttpStatus.NOT_FOUND))
                .isEqualTo("id");
        assertThat(week.problemField(week.post("/api/care-plans/no-such-plan/suggestions", "{}"),
                HttpStatus.NOT_FOUND)).isEqualTo("id");
        assertThat(week.problemField(week.post("/api/care-plans/suggestions/accept",
                "{\"suggestionId\":\"not-a-suggestion\"}"), HttpStatus.BAD_REQUEST)).isEqualTo("suggestionId");
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private String field(String body, HttpStatus status) {
        return week.problemField(week.post("/api/care-plans/suggestions", body), status);
    }

    /** No other client's name, contact or booking appears in the answer. */
    private void assertPrivate(String body, String clientId) {
        for (var other : clients.findAll()) {
            if (!other.id().equals(clientId)) {
                assertThat(body).doesNotContain("\"" + other.id() + "\"").doesNotContain(other.name());
                if (other.email() != null) {
                    assertThat(body).doesNotContain(other.email());
                }
                if (other.phone() != null) {
                    assertThat(body).doesNotContain(other.phone());
                }
            }
        }
        appointments.findByWeekStart(MONDAY).forEach(a -> assertThat(body).doesNotContain(a.id()));
    }

    /**
     * How each week's hard score changes with the plan's sessions in it, all together, scored from scratch apart
     * from the service; summed over the weeks.
     */
    private long hardScoreChange(Client client, String treatmentId,
            List<PlanSuggestionsView.Session> sessions) {
        Map<LocalDate, List<PlanSuggestionsView.Session>> byWeek = sessions.stream()
                .collect(Collectors.groupingBy(session -> Weeks.weekStartOf(session.startsAt())));
        var change = 0L;
        var storedClient = clients.findById(client.id()).orElseThrow();
        for (var entry : byWeek.entrySet()) {
            var stored = store.storedEvenEmpty(entry.getKey());
            var placed = new ArrayList<>(stored.appointments().stream().filter(StoredAppointment::isPlaced).toList());
            var without = score(stored.withAppointments(List.copyOf(placed)));
            for (var session : entry.getValue()) {
                placed.add(new StoredAppointment("independent-" + session.number(), client.id(), treatmentId, 60,
                        session.startsAt(), session.endsAt(), entry.getKey(), BookingState.REQUESTED, false, null,
                        session.therapistId(), session.roomId(), session.startsAt(), null, null, null, null));
            }
            var weekClients = new ArrayList<>(stored.clients());
            if (weekClients.stream().noneMatch(known -> known.id().equals(client.id()))) {
                weekClients.add(storedClient);
            }
            change += score(stored.withAppointments(placed, weekClients)) - without;
        }
        return change;
    }

    private long score(StoredWeek stored) {
        return solutionManager.update(store.solution(stored),
                SolutionUpdatePolicy.UPDATE_SCORE_ONLY).hardScore();
    }

    private boolean highLoad(StoredAppointment appointment) {
        return week.week.getTreatments().stream()
                .anyMatch(t -> t.id().equals(appointment.treatmentId()) && t.isHighLoad());
    }

    /** A client with a high-load session in the busy week: a plan's sessions must keep 48 hours from it. */
    private Client chronicClientWithHighLoadSession() {
        var withHighLoad = new HashSet<String>();
        week.week.getAppointments().stream().filter(a -> a.isHighLoad() && a.getStart() != null)
                .forEach(a -> withHighLoad.add(a.getClient().id()));
        return week.week.getClients().stream().filter(c -> withHighLoad.contains(c.id())).findFirst().orElseThrow();
    }
}
