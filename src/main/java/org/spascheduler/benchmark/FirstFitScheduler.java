package org.spascheduler.benchmark;

import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.spascheduler.schedule.domain.SpaSchedule;

/** Books a week as a spa's booking software would ({@link FirstFitPhase}): no construction heuristic, no search. */
public final class FirstFitScheduler {

    private final SolverFactory<SpaSchedule> solverFactory;

    /** @param solverConfig the model and constraints to check hard rules with; its phases are replaced */
    public FirstFitScheduler(SolverConfig solverConfig) {
        var firstFitOnly = new SolverConfig(solverConfig)
                .withTerminationConfig(null)
                .withPhaseList(List.of(new CustomPhaseConfig()
                        .withCustomPhaseCommandClassList(List.of(FirstFitPhase.class))));
        this.solverFactory = SolverFactory.create(firstFitOnly);
    }

    /** @return the booked week, with its score */
    public SpaSchedule schedule(SpaSchedule problem) {
        return solverFactory.buildSolver().solve(problem);
    }
}
