package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;

class FeasibilityFirstSolverTest {

    @Test
    void aBudgetThatEndsInsideConstructionStillGivesARoster() {
        var problem = DemoSpaGenerator.generate(DemoSize.LARGE);
        try (var solver = new FeasibilityFirstSolver(SolverConfig.createFromXmlResource("solverConfig.xml"))) {
            // LARGE's construction takes seconds: stage one (70% of 3 s) stops inside it, and stage two must finish
            // it rather than fail because local search cannot start from sessions without a therapist or a room.
            var solved = solver.solve(problem, Duration.ofSeconds(3), Duration.ofSeconds(3), (best, stage) -> {
            });

            assertThat(solved.schedule().getScore()).isNotNull();
        }
    }
}
