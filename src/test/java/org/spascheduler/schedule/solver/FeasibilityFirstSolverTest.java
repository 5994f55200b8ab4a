package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;

class FeasibilityFirstSolverTest {

    @Test
    void aBudgetThatEndsInsideConstructionStillGivesARoster() {
        var problem = DemoSpaGenerator.generate(DemoSize.LARGE);
        try (var solver = new FeasibilityFirstSolver(SolverConfig.createFromXmlResource("solverConfig.xml"))) {
            // LARGE's construction takes seconds: stage one stops inside it, and stage two must finish it.
            var solved = solver.solve(problem, Duration.ofSeconds(3), Duration.ofSeconds(3), (best, stage) -> {
            });

            assertThat(solved.schedule().getScore()).isNotNull();
        }
    }

    @Test
    void onlyThePlacingStageChangesTheAcceptor() {
        var configured = SolverConfig.createFromXmlResource("solverConfig.xml");

        var placing = FeasibilityFirstSolver.placingStage(configured);

        assertThat(localSearch(placing).getAcceptorConfig().getAcceptorTypeList())
                .containsExactly(AcceptorType.DIVERSIFIED_LATE_ACCEPTANCE);
        assertThat(localSearch(placing).getMoveSelectorConfig())
                .isEqualTo(localSearch(configured).getMoveSelectorConfig());
        assertThat(localSearch(configured).getAcceptorConfig().getEntityTabuRatio()).isEqualTo(0.1);
    }

    private static LocalSearchPhaseConfig localSearch(SolverConfig config) {
        return config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .map(LocalSearchPhaseConfig.class::cast)
                .findFirst().orElseThrow();
    }
}
