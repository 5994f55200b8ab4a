package org.spascheduler.schedule.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.AppointmentState;
import org.spascheduler.schedule.domain.SpaSchedule;

class DemoSpaGeneratorTest {

    private static final SolutionManager<SpaSchedule, HardMediumSoftLongScore> SOLUTION_MANAGER = SolutionManager
            .create(SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")));

    @ParameterizedTest
    @EnumSource(DemoSize.class)
    void every_size_has_its_staff_and_a_hidden_roster_that_breaks_no_hard_rule(DemoSize size) {
        var week = DemoSpaGenerator.generateWithHiddenRoster(size);

        assertThat(week.getTherapists()).hasSize(size.therapists());
        assertThat(week.getRooms()).hasSize(size.rooms());
        assertThat(week.getCarePlans()).hasSize(size.carePlans());
        var score = SOLUTION_MANAGER.update(week);
        assertThat(score.hardScore()).isZero();
        if (size.overbooked()) {
            // A fifth (a quarter) more requests than the packed staff can take: one in six (five) stays unscheduled.
            var unscheduled = week.getAppointments().stream().filter(a -> !a.isScheduled()).count();
            assertThat(unscheduled).isBetween(week.getAppointments().size() / 8L, week.getAppointments().size() / 4L);
        } else {
            assertThat(score.mediumScore()).isZero();
        }
    }

    @Test
    void the_mix_is_realistic() {
        var week = DemoSpaGenerator.generate(DemoSize.MEDIUM);
        var sessions = week.getAppointments();
        var relaxation = sessions.stream().filter(a -> a.getTreatment().id().equals("relaxation")).count();
        assertThat(relaxation).isGreaterThan(sessions.size() / 2);
        // Trigger point is for the certified few.
        var certified = week.getTherapists().stream().filter(t -> t.hasSkill("trigger point")).count();
        assertThat(certified).isBetween(2L, week.getTherapists().size() / 2L);
        assertThat(week.getRooms()).anyMatch(room -> room.features().contains(DemoSpaGenerator.COUPLES_ROOM));
        assertThat(week.getRooms()).anyMatch(room -> room.features().contains(DemoSpaGenerator.STONE_HEATER));
        assertThat(week.getTherapists()).anyMatch(therapist -> !therapist.timeOff().isEmpty());
        assertThat(week.getClients()).anyMatch(client -> !client.preferredTherapistIds().isEmpty());
        assertThat(week.getClients()).anyMatch(client -> !client.preferredTimes().isEmpty());
        assertThat(sessions).anyMatch(a -> a.getState() == AppointmentState.CONFIRMED && a.isPinned());
        assertThat(sessions).filteredOn(a -> a.getCarePlan() != null).hasSizeGreaterThanOrEqualTo(15);
        // No session carries every slot of the week: the value ranges are restricted.
        var averageStarts = sessions.stream().mapToInt(a -> a.getCandidateStarts().size()).average().orElseThrow();
        assertThat(averageStarts).isLessThan(7 * 24 * 4 / 3.0);
    }

    @Test
    void the_seed_decides_the_week() {
        var monday = LocalDate.of(2027, 3, 1);
        var first = DemoSpaGenerator.generate(DemoSize.SMALL, 1L, monday);
        var again = DemoSpaGenerator.generate(DemoSize.SMALL, 1L, monday);
        var other = DemoSpaGenerator.generate(DemoSize.SMALL, 2L, monday);

        assertThat(describe(again)).isEqualTo(describe(first));
        assertThat(describe(other)).isNotEqualTo(describe(first));
        assertThat(first.getSettings().weekStart()).isEqualTo(monday);
    }

    private static String describe(SpaSchedule week) {
        return week.getAppointments().stream()
                .map(a -> a.getClient().name() + a.getTreatment().id() + a.getRequestedWindow() + stateOf(a))
                .toList()
                .toString();
    }

    private static String stateOf(Appointment appointment) {
        return appointment.getState() + String.valueOf(appointment.getStart());
    }
}
