package org.spascheduler.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.careplan.StoredCarePlan;
import org.spascheduler.client.StoredClient;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.domain.WeekInterval;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.StoredWorkRules;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.treatment.StoredTreatment;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class WeekMapperTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final int DAY = WeekInterval.MINUTES_PER_DAY;

    private static final Spa SPA = new Spa(Spa.ID, "Test spa", "Europe/Brussels", 15, 2880,
            new StoredWorkRules(30, 180, 360, 60),
            List.of(new Spa.OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(21, 0))), 0);
    private static final StoredTreatment TRIGGER_POINT = new StoredTreatment("trigger-point",
            "Trigger point", "trigger point",
            TherapistLoad.HIGH, 15, List.of(new StoredTreatment.Duration(60)), Set.of(), null, 0);
    private static final StoredRoom ROOM = new StoredRoom("room-1", "Lotus",
            Set.of(new StoredRoom.Feature("massage table")),
            List.of(new StoredRoom.OutOfService(MONDAY.minusDays(2).atStartOfDay(), MONDAY.atTime(10, 0), "paint")), 0);
    private static final StoredClient CLIENT = new StoredClient("ines", "Ines", null, null, true,
            Set.of(new StoredClient.PreferredTherapist("anna")), Set.of(),
            List.of(new StoredClient.PreferredTime(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), LocalTime.of(20, 0))), 0);
    private static final StoredCarePlan PLAN = new StoredCarePlan("plan-1", "ines", "trigger-point", 6, 2, 3,
            7, 10, true, 1, 0);

    @Test
    void weeklyPatternsAreLaidOutOnTheWeekAndDatedPeriodsAreClippedToIt() {
        var usualWeek = therapist("anna", List.of(), null);

        var schedule = WeekMapper.toSchedule(week(List.of(usualWeek), List.of(request("a-1", null))), Map.of());

        assertThat(schedule.getSettings().openingHours()).containsExactly(new WeekInterval(DAY + 540, DAY + 1260));
        assertThat(schedule.getTherapists().get(0).shifts()).containsExactly(new WeekInterval(DAY + 480, DAY + 960));
        assertThat(schedule.getRooms().get(0).outOfService()).containsExactly(new WeekInterval(0, 600));
        assertThat(schedule.getClients().get(0).preferredTimes())
                .containsExactly(new WeekInterval(2 * DAY + 1020, 2 * DAY + 1200));
        assertThat(schedule.getTherapists().get(0).workRules().maxRunMinutes()).isEqualTo(180);
    }

    @Test
    void datedShiftsReplaceTheUsualWeek() {
        var dated = therapist("anna", List.of(new StoredTherapist.Shift(MONDAY.plusDays(3).atTime(12, 0),
                MONDAY.plusDays(3).atTime(20, 0))), new StoredWorkRules(45, 120, 300, 30));

        var schedule = WeekMapper.toSchedule(week(List.of(dated), List.of(request("a-1", null))), Map.of());

        assertThat(schedule.getTherapists().get(0).shifts())
                .containsExactly(new WeekInterval(3 * DAY + 720, 3 * DAY + 1200));
        assertThat(schedule.getTherapists().get(0).workRules().breakMinutes()).isEqualTo(45);
    }

    @Test
    void storedPlacementsAndPromisesCarryOverAndComeBackAsPlacements() {
        var confirmedAt = MONDAY.plusDays(1).atTime(10, 0);
        var confirmed = new StoredAppointment("a-1", "ines", "trigger-point", 60, MONDAY.plusDays(1).atTime(9, 0),
                MONDAY.plusDays(1).atTime(18, 0), MONDAY, BookingState.CONFIRMED, false, "plan-1", "anna", "room-1",
                confirmedAt, "anna", "room-1", confirmedAt, 3);
        var week = week(List.of(therapist("anna", List.of(), null)), List.of(confirmed, request("a-2", "plan-1")));

        var schedule = WeekMapper.toSchedule(new StoredWeek(MONDAY, SPA, week.treatments(), week.therapists(),
                week.rooms(), week.clients(), week.carePlans(), week.appointments(), Map.of("a-1", 3, "a-2", 4),
                Map.of("plan-1", 2), Map.of("Unfair workload", 7L)), Map.of("Unfair workload", "soft"));

        var first = schedule.getAppointments().get(0);
        assertThat(first.isPinned()).isTrue();
        assertThat(first.getState()).isEqualTo(AppointmentState.CONFIRMED);
        assertThat(first.getStartMinute()).isEqualTo(DAY + 600);
        assertThat(first.getPublishedAssignment().startMinute()).isEqualTo(DAY + 600);
        assertThat(first.getSeriesIndex()).isEqualTo(3);
        assertThat(schedule.getCarePlans().get(0).sessionsDoneBeforeWeek()).isEqualTo(3);
        assertThat(schedule.getAppointments().get(1).isScheduled()).isFalse();
        assertThat(schedule.getConstraintWeightOverrides().getConstraintWeight("Unfair workload"))
                .isEqualTo(HardMediumSoftLongScore.ofSoft(7));
        assertThat(WeekMapper.placements(schedule)).containsExactly(
                new WeekMapper.SolvedPlacement("a-1", new Placement("anna", "room-1", confirmedAt)),
                new WeekMapper.SolvedPlacement("a-2", Placement.NONE));
    }

    @Test
    void aSessionNoStartCanEverSuitIsSolvedAsUnscheduledInsteadOfFailingTheSolver() {
        // Asked for on Monday, when the spa is closed all day.
        var mondayOnly = new StoredAppointment("a-1", "ines", "trigger-point", 60, MONDAY.atTime(9, 0),
                MONDAY.atTime(18, 0), MONDAY, BookingState.REQUESTED, false, null, null, null, null, null, null, null,
                0);
        var schedule = WeekMapper.toSchedule(week(List.of(therapist("anna", List.of(), null)),
                List.of(mondayOnly, request("a-2", null))), Map.of());

        var config = ai.timefold.solver.core.config.solver.SolverConfig.createFromXmlResource("solverConfig.xml")
                .withTerminationConfig(new ai.timefold.solver.core.config.solver.termination.TerminationConfig()
                        .withSpentLimit(java.time.Duration.ofSeconds(1)));
        var solved = ai.timefold.solver.core.api.solver.SolverFactory.<SpaSchedule>create(config).buildSolver()
                .solve(schedule);

        assertThat(solved.getAppointments()).filteredOn(a -> a.getId().equals("a-1")).singleElement()
                .satisfies(a -> assertThat(a.isScheduled()).isFalse());
        assertThat(solved.getAppointments()).filteredOn(a -> a.getId().equals("a-2")).singleElement()
                .satisfies(a -> assertThat(a.isScheduled()).isTrue());
    }

    @Test
    void cancelledSessionsAreLeftOut() {
        var cancelled = new StoredAppointment("a-9", "ines", "trigger-point", 60, MONDAY.atTime(9, 0),
                MONDAY.atTime(18, 0),
                MONDAY, BookingState.CANCELLED, false, null, null, null, null, null, null, null, 0);

        var schedule = WeekMapper.toSchedule(
                week(List.of(therapist("anna", List.of(), null)), List.of(cancelled, request("a-1", null))), Map.of());

        assertThat(schedule.getAppointments()).extracting(a -> a.getId()).containsExactly("a-1");
    }

    private static StoredWeek week(List<StoredTherapist> therapists, List<StoredAppointment> appointments) {
        return new StoredWeek(MONDAY, SPA, List.of(TRIGGER_POINT), therapists, List.of(ROOM), List.of(CLIENT),
                List.of(PLAN), appointments, Map.of(), Map.of(), Map.of());
    }

    private static StoredTherapist therapist(String id, List<StoredTherapist.Shift> shifts, StoredWorkRules rules) {
        return new StoredTherapist(id, "Anna", 10, 360, 4, rules, Set.of(new StoredTherapist.Skill("trigger point")),
                List.of(new StoredTherapist.WeeklyShift(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(16, 0))),
                shifts, List.of(), List.of(), 0);
    }

    private static StoredAppointment request(String id, String planId) {
        LocalDateTime tuesday = MONDAY.plusDays(1).atStartOfDay();
        return new StoredAppointment(id, "ines", "trigger-point", 60, tuesday.plusHours(9),
                tuesday.plusHours(18), MONDAY,
                BookingState.REQUESTED, false, planId, null, null, null, null, null, null, 0);
    }
}
