package org.spascheduler.schedule.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
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
 * <p>
 * However the solve ends (its budget, even one that ends inside construction; a stop; a change just before the end),
 * its last step takes out every session that still breaks a hard rule ({@link HardRuleClearance}): the roster it
 * returns breaks none, and what did not fit is unscheduled.
 */
public final class FeasibilityFirstSolver implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(FeasibilityFirstSolver.class);

    /** Stage one gets at most this share of the time budget. */
    private static final double FEASIBILITY_SHARE = 0.7;
    /** Stage one stops once it has not improved for this long (or the caller's unimproved limit, if shorter). */
    private static final Duration FEASIBILITY_PATIENCE = Duration.ofSeconds(10);
    /** A solve that no change restarted ends on its own time; the deadline only stops one that changes kept going. */
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    private final SolverManager<SpaSchedule, String> placingManager;
    private final SolverManager<SpaSchedule, String> improvingManager;
    private final HardRuleClearance clearance;
    private final Set<String> softConstraintNames;
    private final Set<String> terminated = ConcurrentHashMap.newKeySet();
    private final Map<String, StagedChanges> changes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "solve-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    /** The threads that run a whole solve in the background: both stages, one after the other, and the clearing. */
    private final ExecutorService jobThreads;

    /**
     * @param solverConfig all phases (construction, conflict repair, local search) for the first stage; the second
     *        stage runs only its local search, on a roster whose every session already has a therapist and a room (a
     *        construction heuristic would place the sessions left unscheduled again, first fit, breaking rules)
     */
    public FeasibilityFirstSolver(SolverConfig solverConfig) {
        this(solverConfig, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param parallelSolves how many solves may run at once; one more waits in Timefold's own pool with its time budget
     *        running (Timefold's default is half the cores), so callers keep to it: the roster job queue runs at most
     *        this many
     */
    public FeasibilityFirstSolver(SolverConfig solverConfig, int parallelSolves) {
        if (parallelSolves < 1) {
            throw new IllegalArgumentException("The parallel solves (%d) must be at least 1.".formatted(parallelSolves));
        }
        var placingFactory = SolverFactory.<SpaSchedule>create(solverConfig);
        var localSearchOnly = new SolverConfig(solverConfig).withPhaseList(solverConfig.getPhaseConfigList().stream()
                .filter(phase -> phase instanceof LocalSearchPhaseConfig)
                .toList());
        var managerConfig = new SolverManagerConfig().withParallelSolverCount(Integer.toString(parallelSolves));
        this.placingManager = SolverManager.create(placingFactory, managerConfig);
        this.improvingManager = SolverManager.create(SolverFactory.create(localSearchOnly), managerConfig);
        this.clearance = new HardRuleClearance(solverConfig);
        this.softConstraintNames = SpaConstraints.namesInGroup(SpaConstraints.metaModel(placingFactory),
                SpaConstraintProvider.SOFT);
        var jobs = new AtomicInteger();
        this.jobThreads = Executors.newCachedThreadPool(runnable -> {
            var thread = new Thread(runnable, "roster-job-" + jobs.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@link #solve(String, SpaSchedule, Duration, Duration, BiConsumer) Solves} on a thread of this solver's own, so
     * that every thread a solve needs (this one, the two stages' solver managers, the deadline) is owned, and closed,
     * here. {@link #expect Expect} the solve first to send it changes from the start. The time budget starts when that
     * thread starts the solve, at once; keep to the parallel solves, as one beyond them waits in Timefold's pool with
     * its budget running.
     *
     * @param finalSolutionConsumer runs on that thread with the solve's result, once it has ended
     * @param exceptionHandler runs on that thread instead, when the solve failed
     * @throws java.util.concurrent.RejectedExecutionException when this solver is closed
     */
    public void solveInBackground(String problemId, SpaSchedule problem, Duration spentLimit,
            Duration unimprovedSpentLimit, BiConsumer<SpaSchedule, Stage> bestSolutionConsumer,
            Consumer<SolvedWeek> finalSolutionConsumer, Consumer<Throwable> exceptionHandler) {
        jobThreads.execute(() -> {
            SolvedWeek solved;
            try {
                solved = solve(problemId, problem, spentLimit, unimprovedSpentLimit, bestSolutionConsumer);
            } catch (RuntimeException | Error e) {
                exceptionHandler.accept(e);
                return;
            }
            finalSolutionConsumer.accept(solved);
        });
    }

    /**
     * @param bestSolutionConsumer receives every new best roster with its stage; while placing, soft scores are 0. A
     *        roster in the middle of construction may break hard rules: check its score before publishing it
     * @return the best roster, scored with the weights the problem came with; it breaks no hard rule (what does not fit
     *         is unscheduled), unless sessions the solver may not move break one among themselves
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
        expect(problemId);
        // Timefold starts a solver's clock again after each problem change it applies; the caller's time budget is
        // for the whole solve, however many changes arrive.
        var deadline = deadlines.schedule(() -> terminateEarly(problemId),
                spentLimit.plus(DEADLINE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try {
            return solveInStages(problemId, problem, spentLimit, unimprovedSpentLimit, bestSolutionConsumer);
        } finally {
            deadline.cancel(false);
            terminated.remove(problemId);
            var staged = changes.remove(problemId);
            if (staged != null) {
                staged.end();
            }
        }
    }

    /**
     * Announces a solve that is about to start, so that {@link #addProblemChange} accepts changes for it before it
     * does (they are applied as it starts). A solve that then never starts must be {@link #forget forgotten}.
     */
    public void expect(String problemId) {
        changes.putIfAbsent(problemId, new StagedChanges(problemId));
    }

    /** Forgets a solve that was expected but did not start; changes waiting for it fail. */
    public void forget(String problemId) {
        var staged = changes.remove(problemId);
        if (staged != null) {
            staged.end();
        }
    }

    /**
     * Applies a change to a running solve, in whichever stage it is: a change that arrives between the stages, or
     * that the first stage ended before applying, goes to the second.
     *
     * @return completes once a best roster holds the change; fails when the solve ended (or was never expected)
     *         without applying it, in which case the caller repairs the solve's last roster itself
     */
    public CompletableFuture<Void> addProblemChange(String problemId, ProblemChange<SpaSchedule> change) {
        var staged = changes.get(problemId);
        if (staged == null) {
            return CompletableFuture.failedFuture(notSolving(problemId));
        }
        return staged.add(change);
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
        var staged = changes.get(problemId);
        var latestBest = new AtomicReference<SpaSchedule>();
        var stageOne = staged.start(placingManager, () -> run(placingManager, problemId, problem,
                Terminations.of(stageOneLimit, patience).withBestScoreLimit(HardMediumSoftLongScore.ZERO.toString()),
                best -> {
                    latestBest.set(best);
                    bestSolutionConsumer.accept(best, Stage.PLACING);
                }));
        var placed = finalBestSolution(problemId, stageOne, latestBest);
        staged.stageEnded();
        problem.setConstraintWeightOverrides(weights);
        placed.setConstraintWeightOverrides(weights);
        var remaining = spentLimit.minus(Duration.ofNanos(System.nanoTime() - startNanos));
        if (remaining.toMillis() < 1 || terminated.contains(problemId)) {
            return new SolvedWeek(clearance.clear(placed), stageOne.getMoveEvaluationCount(),
                    stageOne.getSolvingDuration());
        }
        // The placing stage's construction may have run out of time before every session had a therapist and a room.
        placed.initializeUnscheduled();
        latestBest.set(placed);
        var stageTwo = staged.start(improvingManager, () -> run(improvingManager, problemId, placed,
                Terminations.of(remaining, unimprovedSpentLimit),
                best -> {
                    latestBest.set(best);
                    bestSolutionConsumer.accept(best, Stage.IMPROVING);
                }));
        if (terminated.contains(problemId)) {
            // Asked to stop while stage two was being started, before its manager knew the id.
            improvingManager.terminateEarly(problemId);
        }
        // Stage two may have ended before repairing what construction or a late change broke.
        var solved = clearance.clear(finalBestSolution(problemId, stageTwo, latestBest));
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

    /**
     * @param latestBest the stage's latest best roster, for the one failure that is not the roster's: Timefold 1.32's
     *        solver job, restarting after a problem change while another thread stops it, releases a lock that thread
     *        holds (IllegalMonitorStateException in its solving-started listener); the stop was asked for, so the
     *        stage ends with its latest best roster as a stop would end it
     */
    private SpaSchedule finalBestSolution(String problemId, SolverJob<SpaSchedule, String> job,
            AtomicReference<SpaSchedule> latestBest) {
        try {
            return job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Solving was interrupted.", e);
        } catch (ExecutionException e) {
            var latest = latestBest.get();
            if (terminated.contains(problemId) && latest != null && causedByLockRelease(e)) {
                LOGGER.warn("Solve {} was stopped as it restarted after a change; it ends with its latest best roster.",
                        problemId);
                return latest;
            }
            throw new IllegalStateException("Solving failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean causedByLockRelease(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalMonitorStateException) {
                return true;
            }
        }
        return false;
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

    private static IllegalStateException notSolving(String problemId) {
        return new IllegalStateException("No solve (%s) is running to take the change.".formatted(problemId));
    }

    /**
     * The changes to one solve and the stage that takes them. Timefold cancels a change that its solver ends before
     * applying; here such a change waits for the next stage instead, and fails only when the whole solve has ended.
     */
    private static final class StagedChanges {

        private final String problemId;
        private @Nullable SolverManager<SpaSchedule, String> runningStage;
        private final List<Pending> waiting = new ArrayList<>();
        private boolean ended;

        private StagedChanges(String problemId) {
            this.problemId = problemId;
        }

        private CompletableFuture<Void> add(ProblemChange<SpaSchedule> change) {
            var pending = new Pending(change, new CompletableFuture<>());
            place(pending);
            return pending.applied();
        }

        /** To the running stage, or waiting for the next; a change a stage ended without applying comes back here. */
        private synchronized void place(Pending pending) {
            if (ended) {
                pending.applied().completeExceptionally(notSolving(problemId));
            } else if (runningStage == null) {
                waiting.add(pending);
            } else {
                submit(pending);
            }
        }

        /** Starts a stage and hands it the changes waiting for one. */
        private synchronized SolverJob<SpaSchedule, String> start(SolverManager<SpaSchedule, String> stage,
                Supplier<SolverJob<SpaSchedule, String>> run) {
            var job = run.get();
            runningStage = stage;
            var handedOver = List.copyOf(waiting);
            waiting.clear();
            handedOver.forEach(this::submit);
            return job;
        }

        private synchronized void stageEnded() {
            runningStage = null;
        }

        private synchronized void end() {
            ended = true;
            runningStage = null;
            waiting.forEach(pending -> pending.applied().completeExceptionally(notSolving(problemId)));
            waiting.clear();
        }

        private void submit(Pending pending) {
            CompletableFuture<Void> appliedByStage;
            try {
                appliedByStage = runningStage.addProblemChange(problemId, pending.change());
            } catch (IllegalStateException stageEnding) {
                waiting.add(pending);
                return;
            }
            appliedByStage.whenComplete((done, failure) -> {
                if (failure == null) {
                    pending.applied().complete(null);
                } else {
                    place(pending);
                }
            });
        }

        private record Pending(ProblemChange<SpaSchedule> change, CompletableFuture<Void> applied) {
        }
    }

    @Override
    public void close() {
        jobThreads.shutdown();
        deadlines.shutdownNow();
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
