package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;

/** A spa manager can change any constraint's weight at run time, by its name as the README lists it. */
class ConstraintWeightOverridesTest {

    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager = SolutionManager
            .create(SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")));

    @Test
    void overriding_a_weight_rescales_that_constraint_only() {
        var schedule = DemoSpaGenerator.generateWithHiddenRoster(DemoSize.SMALL);
        var defaults = solutionManager.analyze(schedule);
        var preferredTime = defaults.getConstraintAnalysis("Outside client preferred time").score();
        var idleGaps = defaults.getConstraintAnalysis("Short idle gaps").score();
        assertThat(preferredTime.softScore()).isNegative();
        assertThat(idleGaps.softScore()).isNegative();

        schedule.setConstraintWeightOverrides(ConstraintWeightOverrides.of(Map.of(
                "Outside client preferred time", HardMediumSoftLongScore.ofSoft(3),
                "Short idle gaps", HardMediumSoftLongScore.ZERO)));
        var overridden = solutionManager.analyze(schedule);

        assertThat(overridden.getConstraintAnalysis("Outside client preferred time").score())
                .isEqualTo(preferredTime.multiply(3));
        // A constraint weighed zero is left out of the analysis altogether.
        assertThat(overridden.getConstraintAnalysis("Short idle gaps")).isNull();
        assertThat(overridden.score()).isEqualTo(defaults.score()
                .add(preferredTime.multiply(2))
                .subtract(idleGaps));
    }

    @Test
    void a_hard_rule_can_be_made_soft_by_its_weight() {
        var schedule = DemoSpaGenerator.generateWithHiddenRoster(DemoSize.SMALL);
        schedule.setConstraintWeightOverrides(ConstraintWeightOverrides.of(Map.of(
                "Therapist conflict", HardMediumSoftLongScore.ofSoft(1))));
        // Double-book a therapist: move a session onto the start of another of the same therapist's sessions.
        var sessions = schedule.getAppointments().stream().filter(a -> a.isScheduled() && !a.isPinned()).toList();
        var moved = false;
        for (var first : sessions) {
            for (var second : sessions) {
                if (!moved && first != second && first.getTherapist().equals(second.getTherapist())
                        && first.getCandidateStarts().contains(second.getStart())) {
                    first.assign(first.getTherapist(), first.getRoom(), second.getStart());
                    moved = true;
                }
            }
        }
        assertThat(moved).isTrue();

        var conflict = solutionManager.analyze(schedule).getConstraintAnalysis("Therapist conflict").score();

        assertThat(conflict.hardScore()).isZero();
        assertThat(conflict.softScore()).isNegative();
    }
}
