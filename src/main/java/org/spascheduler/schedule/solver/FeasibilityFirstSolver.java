package org.spascheduler.schedule.solver;

import java.time.Duration;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.spascheduler.schedule.domain.SpaSchedule;

/**
 * Solves a week in two stages within one time budget. First with the soft constraints weighed zero, until every session
 * that fits is placed without breaking a hard rule (or that stage stops improving), then with the real weights, from
 * that roster, for the rest of the time.
 * <p>
 * Why: on a nearly full week, placing the last sessions takes long sequences of moves that do not change the hard or
 * medium score. With soft constraints weighed in, the search prefers whichever of those moves pleases clients most and
 * keeps circling roughly the same rosters; with them muted, it wanders the plateau freely. Measured on LARGE: the last
 * sessions placed after 44 s this way, and still 2 unscheduled after 300 s in one stage (see ARCHITECTURE.md).
 */
public final class FeasibilityFirstSolver implements AutoCloseable {

    /** Stage one gets at most this share of the time budget. */
    private static final double FEASIBILITY_SHARE = 0.7;
    /** Stage one stops once it has not improved for this long (or the caller's unimproved limit, if shorter). */
    private static final Duration FEASIBILITY_PATIENCE = Duration.ofSeconds(10);

    private final SolverManager<SpaSchedule, String> placingManager;
    private final SolverManager<SpaSchedule, String> improvingManager;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final Set<String> softConstraintNames;
    private final Set<String> terminated = ConcurrentHashMap.newKeySet();

    /**
     * @param solverConfig all phases (construction, conflict repair, local search) for the first stage; the second
     *        stage runs only its local search, on a roster whose every session already has a therapist and a room (a
     *        construction heuristic would place the sessions left unscheduled again, first fit, breaking rules)
     */
    public FeasibilityFirstSolver(SolverConfig solverConfig) {
        var placingFactory = SolverFactory.<SpaSchedule>create(solverConfig);
        var localSearchOnly = new SolverConfig(solverConfig).withPhaseList(solverConfig.getPhaseConfigList().stream()
                .filter(phase -> phase instanceof LocalSearchPhaseConfig)
                .toList());
        this.placingManager = SolverManager.create(placingFactory);
        this.improvingManager = SolverManager.create(SolverFactory.create(localSearchOnly));
        this.solutionManager = SolutionManager.create(placingFactory);
        this.softConstraintNames = SpaConstraints.namesInGroup(SpaConstraints.metaModel(placingFactory),
                SpaConstraintProvider.SOFT);
    }

    /**
     * @param bestSolutionConsumer receives every new best roster with its stage; while placing, soft scores are 0
     * @return the best roster, scored with the weights the problem came with
     */
    public SolvedWeek solve(SpaSchedule problem, Duration spentLimit, Duration unimprovedSpentLimit,
            BiConsumer<SpaSchedule, Stage> bestSolutionConsumer) {
        return solve(UUID.randomUUID().toString(), problem, spentLimit, unimprovedSpentLimit, bestSolutionConsumer);
    }

    /**
     * @param problemId names this solve for {@link #terminateEarly(String)}; unique among running solves
     */
    public SolvedWeek solve(String problemId, SpaSchedule problem, Duration spentLimit, Duration unimprovedSpentLimit,
            BiConsumer<SpaSchedule, Stage> bestSolutionConsumer) {
        try {
            return solveInStages(problemId, problem, spentLimit, unimprovedSpentLimit, bestSolutionConsumer);
        } finally {
            terminated.remove(problemId);
        }
    }

    /** Stops a running solve: the stage running ends with its best roster, and the second stage does not start. */
    public void terminateEarly(String problemId) {
        terminated.add(problemId);
        placingManager.terminateEarly(problemId);
        improvingManager.terminateEarly(problemId);
    }

    private SolvedWeek solveInStages(String problemId, SpaSchedule problem, Duration spentLimit,
            Duration unimprovedSpentLimit, BiConsumer<SpaSchedule, Stage> bestSolutionConsumer) {
        var startNanos = System.nanoTime();
        var weights = problem.getConstraintWeightOverrides();
        problem.setConstraintWeightOverrides(withoutSoft(weights));
        var stageOneLimit = Duration.ofMillis(Math.max(1, (long) (spentLimit.toMillis() * FEASIBILITY_SHARE)));
        var patience = unimprovedSpentLimit.compareTo(FEASIBILITY_PATIENCE) < 0 ? unimprovedSpentLimit
                : FEASIBILITY_PATIENCE;
        var stageOne = run(placingManager, problemId, problem, Terminations.of(stageOneLimit, patience)
                .withBestScoreLimit(HardMediumSoftLongScore.ZERO.toString()),
                best -> bestSolutionConsumer.accept(best, Stage.PLACING));
        var placed = finalBestSolution(stageOne);
        problem.setConstraintWeightOverrides(weights);
        placed.setConstraintWeightOverrides(weights);
        var remaining = spentLimit.minus(Duration.ofNanos(System.nanoTime() - startNanos));
        if (remaining.toMillis() < 1 || terminated.contains(problemId)) {
            solutionManager.update(placed);
            return new SolvedWeek(placed, stageOne.getMoveEvaluationCount(), stageOne.getSolvingDuration());
        }
        var stageTwo = run(improvingManager, problemId, placed, Terminations.of(remaining, unimprovedSpentLimit),
                best -> bestSolutionConsumer.accept(best, Stage.IMPROVING));
        if (terminated.contains(problemId)) {
            // Asked to stop while stage two was being started, before its manager knew the id.
            improvingManager.terminateEarly(problemId);
        }
        var solved = finalBestSolution(stageTwo);
        return new SolvedWeek(solved, stageOne.getMoveEvaluationCount() + stageTwo.getMoveEvaluationCount(),
                stageOne.getSolvingDuration().plus(stageTwo.getSolvingDuration()));
    }

    private static SolverJob<SpaSchedule, String> run(SolverManager<SpaSchedule, String> solverManager,
            String problemId, SpaSchedule problem, TerminationConfig termination,
            Consumer<SpaSchedule> bestSolutionConsumer) {
        return solverManager.solveBuilder()
                .withProblemId(problemId)
                .withProblem(problem)
                .withConfigOverride(new SolverConfigOverride<SpaSchedule>().withTerminationConfig(termination))
                .withBestSolutionEventConsumer(event -> bestSolutionConsumer.accept(event.solution()))
                .run();
    }

    private static SpaSchedule finalBestSolution(SolverJob<SpaSchedule, String> job) {
        try {
            return job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Solving was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Solving failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private ConstraintWeightOverrides<HardMediumSoftLongScore> withoutSoft(
            ConstraintWeightOverrides<HardMediumSoftLongScore> weights) {
        var muted = new HashMap<String, HardMediumSoftLongScore>();
        for (var name : weights.getKnownConstraintNames()) {
            muted.put(name, weights.getConstraintWeight(name));
        }
        softConstraintNames.forEach(name -> muted.put(name, HardMediumSoftLongScore.ZERO));
        return ConstraintWeightOverrides.of(muted);
    }

    @Override
    public void close() {
        placingManager.close();
        improvingManager.close();
    }

    public enum Stage {
        /** Soft constraints weighed zero: placing every session without breaking a hard rule. */
        PLACING,
        /** Real weights: improving the roster's quality. */
        IMPROVING
    }

    /** The solved roster with what solving it took, over both stages. */
    public record SolvedWeek(SpaSchedule schedule, long moveEvaluationCount, Duration solvingDuration) {

        public long moveEvaluationSpeed() {
            var millis = Math.max(1, solvingDuration.toMillis());
            return moveEvaluationCount * 1000 / millis;
        }
    }
}
