package org.spascheduler.schedule.api;

import java.time.Duration;
import java.time.Instant;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;

import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.FeasibilityFirstSolver;
import org.springframework.stereotype.Service;

/** Generates a demo week, solves it (feasibility first, then quality) and records the run. */
@Service
class DemoRosterService {

    private final FeasibilityFirstSolver solver;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final DemoSolveRunRepository runs;

    DemoRosterService(FeasibilityFirstSolver solver,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager, DemoSolveRunRepository runs) {
        this.solver = solver;
        this.solutionManager = solutionManager;
        this.runs = runs;
    }

    RosterView solve(DemoSize size, Duration spentLimit, Duration unimprovedSpentLimit) {
        var problem = DemoSpaGenerator.generate(size);
        var startedAt = Instant.now();
        var solved = solver.solve(problem, spentLimit, unimprovedSpentLimit, (best, stage) -> {
        }).schedule();
        var solvingMillis = Duration.between(startedAt, Instant.now()).toMillis();
        var view = RosterViews.of(solved, solutionManager.analyze(solved), solvingMillis);
        runs.save(DemoSolveRun.of(size, view, startedAt));
        return view;
    }
}
