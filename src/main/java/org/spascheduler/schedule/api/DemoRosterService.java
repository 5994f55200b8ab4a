package org.spascheduler.schedule.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;

import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.Terminations;
import org.springframework.stereotype.Service;

/** Generates a demo week, solves it and records the run. */
@Service
class DemoRosterService {

    private final SolverManager<SpaSchedule, String> solverManager;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final DemoSolveRunRepository runs;

    DemoRosterService(SolverManager<SpaSchedule, String> solverManager,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager, DemoSolveRunRepository runs) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.runs = runs;
    }

    RosterView solve(DemoSize size, Duration spentLimit, Duration unimprovedSpentLimit) {
        var problem = DemoSpaGenerator.generate(size);
        var startedAt = Instant.now();
        var job = solverManager.solveBuilder()
                .withProblemId(UUID.randomUUID().toString())
                .withProblem(problem)
                .withConfigOverride(new SolverConfigOverride<SpaSchedule>()
                        .withTerminationConfig(Terminations.of(spentLimit, unimprovedSpentLimit)))
                .run();
        SpaSchedule solved;
        try {
            solved = job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Solving the %s demo week was interrupted.".formatted(size), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Solving the %s demo week failed.".formatted(size), e.getCause());
        }
        var solvingMillis = Duration.between(startedAt, Instant.now()).toMillis();
        var view = RosterViews.of(solved, solutionManager.analyze(solved), solvingMillis);
        runs.save(DemoSolveRun.of(size, view, startedAt));
        return view;
    }
}
