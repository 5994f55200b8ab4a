package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * Slow: solves the small demo week in FULL_ASSERT mode, which recalculates the score from scratch after every move and
 * fails on any score corruption (an incremental score that differs from the from-scratch one). Named *IT so that
 * {@code ./mvnw test} skips it; {@code ./mvnw verify} and CI ({@code .ci/run}) run it; alone:
 * {@code ./mvnw test -Dtest=SpaSolverFullAssertIT}.
 * <p>
 * In FULL_ASSERT the construction heuristic alone takes 5-10 s on this week, so the solver runs for 10 s and on until
 * the roster is feasible, at most 60 s.
 */
class SpaSolverFullAssertIT {

    @Test
    void solving_the_small_demo_week_in_full_assert_mode_corrupts_no_score_and_breaks_no_hard_rule() {
        var tenSecondsAndFeasible = new TerminationConfig()
                .withTerminationCompositionStyle(TerminationCompositionStyle.AND)
                .withTerminationConfigList(List.of(
                        new TerminationConfig().withSpentLimit(Duration.ofSeconds(10)),
                        new TerminationConfig().withBestScoreFeasible(true)));
        var config = SolverConfig.createFromXmlResource("solverConfig.xml")
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(20261130L)
                .withTerminationConfig(new TerminationConfig()
                        .withTerminationCompositionStyle(TerminationCompositionStyle.OR)
                        .withTerminationConfigList(List.of(tenSecondsAndFeasible,
                                new TerminationConfig().withSpentLimit(Duration.ofSeconds(60)))));
        var solver = SolverFactory.<SpaSchedule>create(config).buildSolver();
        var solved = new AtomicReference<SpaSchedule>();

        assertThatCode(() -> solved.set(solver.solve(DemoSpaGenerator.generate(DemoSize.SMALL))))
                .doesNotThrowAnyException();

        var score = solved.get().getScore();
        assertThat(score.hardScore()).as("hard score of %s", score).isZero();
        assertThat(IndependentRosterChecker.of(solved.get()).violations()).isEmpty();
    }
}
