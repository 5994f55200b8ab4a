package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;

/** The real solver configuration solves the small demo week to a roster that the independent checker accepts. */
class SpaSolverTest {

    private static final long SEED = 20261130L;

    @Test
    void solves_the_small_demo_week_to_a_full_roster_that_breaks_no_hard_rule() {
        var config = SolverConfig.createFromXmlResource("solverConfig.xml")
                .withRandomSeed(SEED)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(Duration.ofSeconds(15))
                        .withUnimprovedSpentLimit(Duration.ofSeconds(5)));
        var factory = SolverFactory.<SpaSchedule>create(config);

        var solved = factory.buildSolver().solve(DemoSpaGenerator.generate(DemoSize.SMALL));

        var score = solved.getScore();
        assertThat(score.hardScore()).as("hard score of %s", score).isZero();
        assertThat(score.mediumScore()).as("medium score of %s", score).isZero();
        assertThat(solved.getAppointments()).allMatch(Appointment::isScheduled);
        assertThat(IndependentRosterChecker.of(solved).violations()).isEmpty();
        // The score the solver reports is the one a from-scratch calculation gives.
        assertThat(SolutionManager.create(factory).update(solved)).isEqualTo(score);
    }
}
