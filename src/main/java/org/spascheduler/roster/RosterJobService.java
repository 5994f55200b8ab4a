package org.spascheduler.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.BooksSync;
import org.spascheduler.schedule.solver.FeasibilityFirstSolver;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.NotFoundException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Solves weeks in the background, one job at a time per week. The best roster so far is written to the spa's books as
 * it improves (at most once per store interval) and at the end, so that the week's roster views show it while it
 * solves and nothing is lost when the job is stopped.
 * <p>
 * Jobs run from a queue: at most {@code spa.roster.max-running} solve at once on this node, the others wait QUEUED (at
 * most {@code spa.roster.max-queued}; beyond that a start is refused with 429) and start in the order they were asked
 * for, each with its whole time budget. The queue is the ROSTER_JOB rows, so that nodes sharing a database would share
 * it; in memory are only this node's slots ({@link SolvingSlots}) and the jobs it is solving (their solver handles
 * live in this JVM). A second node would also need a database lock in place of {@link #admission} and to look for
 * queued jobs when a slot frees on another node.
 */
@Service
public class RosterJobService implements DisposableBean {

    private static final Logger LOGGER = LoggerFactory.getLogger(RosterJobService.class);
    private static final int MAX_FAILURE_REASON_LENGTH = 2000;
    /** A running job takes a change at its next step, within milliseconds; ending takes one last store. */
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(30);

    private final FeasibilityFirstSolver solver;
    private final PlanningWeeks store;
    private final RosterJobRepository jobs;
    private final TransactionTemplate transaction;
    private final Duration storeInterval;
    private final int maxQueued;
    private final SolvingSlots slots;
    /** The jobs this node solves, by week: from when one is given a slot until it has stored its end. */
    private final Map<LocalDate, RunningJob> running = new ConcurrentHashMap<>();
    /**
     * Held to let a job into the queue (its week free, a place left) and to give it a slot, so that two starts never
     * both take the last place, and a job that ends leaves its week free only once it has stored its end. One node's
     * lock: the unique active week of ROSTER_JOB keeps one job per week across nodes.
     */
    private final Object admission = new Object();
    private volatile boolean closing;

    RosterJobService(FeasibilityFirstSolver solver, PlanningWeeks store, RosterJobRepository jobs,
            TransactionTemplate transaction, RosterProperties properties) {
        this.solver = solver;
        this.store = store;
        this.jobs = jobs;
        this.transaction = transaction;
        this.storeInterval = properties.storeInterval();
        this.maxQueued = properties.maxQueued();
        this.slots = SolvingSlots.onThisNode(properties.runningLimit());
    }

    /**
     * Jobs a previous run of the service left solving did not finish: say so. Jobs it left queued still wait their
     * turn and run now, in their order, each with its whole budget: a job reads the week when it starts, so what
     * changed meanwhile is solved from. (Stop one that is no longer wanted.)
     */
    @EventListener(ApplicationReadyEvent.class)
    void takeUpAfterARestart() {
        for (var job : jobs.findByStatus(RosterJobStatus.SOLVING)) {
            jobs.save(job.ended(RosterJobStatus.FAILED, Instant.now(),
                    "The service stopped while this job was solving; the best roster it had stored is kept."));
        }
        runQueuedJobs();
    }

    /**
     * Starts solving a week, or queues the job while this node solves as many as it may at once: its time budget starts
     * when its turn comes, and it reads the week then.
     *
     * @throws ConflictException when a job is already queued or solving for that week, pointing at it
     * @throws RosterQueueFullException when as many jobs as may wait already do (429)
     */
    public RosterJob start(LocalDate weekStart, Duration spentLimit, Duration unimprovedSpentLimit) {
        // Read now to refuse an unknown or empty week at once and to say how big it is; the job reads it again.
        var problem = store.solution(store.stored(weekStart));
        RosterJob queued;
        synchronized (admission) {
            var existing = jobs.findByActiveWeek(weekStart);
            if (existing.isPresent()) {
                throw alreadyActive(weekStart, existing.get());
            }
            var waiting = (int) jobs.countByStatus(RosterJobStatus.QUEUED);
            var startsNow = waiting == 0 && slots.free() > 0;
            if (!startsNow && waiting >= maxQueued) {
                throw new RosterQueueFullException(running.size(), waiting, soonestEndOfARunningJob());
            }
            try {
                queued = jobs.save(RosterJob.queued(weekStart, problem.getAppointments().size(), placedCount(problem),
                        spentLimit.toMillis(), unimprovedSpentLimit.toMillis(), Instant.now()));
            } catch (DuplicateKeyException e) {
                // Another node queued a job for the week since the look above.
                throw alreadyActive(weekStart, jobs.findByActiveWeek(weekStart).orElse(null));
            }
        }
        runQueuedJobs();
        return status(queued.id());
    }

    /**
     * Gives each free slot of this node to the first job in line. Runs when a job is queued, when one ends and on
     * start; not while the service stops, so that what waits still waits at the next start.
     */
    private void runQueuedJobs() {
        while (!closing) {
            RunningJob next;
            synchronized (admission) {
                if (!slots.tryTake()) {
                    return;
                }
                next = claimFirstInLine();
                if (next == null) {
                    slots.give();
                    return;
                }
            }
            launch(next);
        }
    }

    /** Marks the first job in line SOLVING, from now; null when none waits. */
    private @Nullable RunningJob claimFirstInLine() {
        for (var job : jobs.findByStatusOrderByIdAsc(RosterJobStatus.QUEUED)) {
            RosterJob claimed;
            try {
                claimed = jobs.save(job.running(Instant.now(), job.sessions(), job.placed()));
            } catch (OptimisticLockingFailureException e) {
                // Stopped, or taken by another node, since the queue was read: the next in line.
                continue;
            }
            var runningJob = new RunningJob(claimed);
            // From here the front desk's changes to the week reach the job, also while it reads the week.
            solver.expect(runningJob.problemId);
            running.put(claimed.weekStart(), runningJob);
            return runningJob;
        }
        return null;
    }

    /** Reads the job's week and solves it on the solver's threads; a job that cannot start ends FAILED. */
    private void launch(RunningJob runningJob) {
        var job = runningJob.job;
        try {
            var week = store.stored(runningJob.weekStart);
            var problem = store.solution(week);
            // The versions of exactly what the job solves from: a change committed after this read is someone
            // else's, and the job leaves it alone until it has taken that change in (booksChanged).
            week.appointments().forEach(appointment -> runningJob.versions.merge(appointment.id(),
                    appointment.version(), Math::max));
            synchronized (runningJob) {
                runningJob.job = jobs.save(job.running(job.startedAt(), problem.getAppointments().size(),
                        placedCount(problem)));
            }
            // The solver owns the job's threads: its own, its stages' and their deadline. The budget starts there.
            solver.solveInBackground(runningJob.problemId, problem, Duration.ofMillis(job.spentLimitMillis()),
                    Duration.ofMillis(job.unimprovedLimitMillis()),
                    (best, stage) -> storeBestThrottled(runningJob, best),
                    solved -> ended(runningJob, solved, null),
                    failure -> ended(runningJob, null, failure));
        } catch (RuntimeException e) {
            LOGGER.error("Roster job {} for the week of {} could not start.", job.id(), job.weekStart(), e);
            solver.forget(runningJob.problemId);
            try {
                finish(runningJob, RosterJobStatus.FAILED, "It could not start: " + reason(e));
            } finally {
                release(runningJob);
            }
        }
    }

    /** What became of the front desk's change to a week, as far as roster jobs go. */
    public enum BooksChange {
        /** No job is solving the week: the caller repairs the roster itself. */
        NO_JOB,
        /** The job solving the week took the change and goes on from there. */
        APPLIED,
        /**
         * The job ended before it could take the change; its last roster is stored and the caller repairs from it.
         */
        JOB_ENDED
    }

    /**
     * Tells the job solving a week, if any, that the spa's books changed (an event was recorded): it assembles the week
     * again from the books and goes on from its current roster ({@link BooksSync}). Waits until the job holds the
     * change, or has ended and stored its last roster.
     */
    public BooksChange booksChanged(LocalDate weekStart) {
        var runningJob = running.get(weekStart);
        if (runningJob == null) {
            return BooksChange.NO_JOB;
        }
        var asked = System.nanoTime();
        var applied = solver.addProblemChange(runningJob.problemId, new BooksSync(() -> {
            // Even empty: the event may have cancelled the week's last session.
            var week = store.storedEvenEmpty(weekStart);
            // The job may now write the sessions the event changed, at the versions it has just read; versions only
            // go up, so a store of its own since then is not forgotten.
            week.appointments().forEach(appointment -> runningJob.versions.merge(appointment.id(),
                    appointment.version(), Math::max));
            return store.solution(week);
        }));
        try {
            applied.get(CHANGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOGGER.debug("Roster job for the week of {} took a change to the books in {} ms.", weekStart,
                    (System.nanoTime() - asked) / 1_000_000);
            return BooksChange.APPLIED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the roster job took a change.", e);
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            // Ended, failed or stuck: wait for the job to store its last roster, so the caller repairs from it.
            awaitEnd(runningJob);
            return BooksChange.JOB_ENDED;
        }
    }

    private void awaitEnd(RunningJob runningJob) {
        try {
            if (!runningJob.ended.await(CHANGE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConflictException("weekStart", "The roster job solving the week of %s neither took the "
                        .formatted(runningJob.weekStart) + "change nor ended; the event is recorded: stop the job, "
                        + "then record a release of the sessions concerned to repair the roster.",
                        solvingJobLocation(runningJob.weekStart));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a roster job to end.", e);
        }
    }

    public RosterJob status(long id) {
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("roster job", "id", id));
    }

    /** The 20 latest jobs, newest (last asked for) first. */
    public List<RosterJob> list(@Nullable LocalDate weekStart) {
        return weekStart == null ? jobs.findTop20ByOrderByIdDesc() : jobs.findTop20ByWeekStartOrderByIdDesc(weekStart);
    }

    /** A queued job's place in the queue, 1 for the next to run; null for a job that is not queued. */
    public @Nullable Integer placeInQueue(RosterJob job) {
        if (job.status() != RosterJobStatus.QUEUED || job.id() == null) {
            return null;
        }
        return (int) jobs.countByStatusAndIdLessThan(RosterJobStatus.QUEUED, job.id()) + 1;
    }

    /**
     * Stops a job early; it keeps and stores its best roster. A queued job leaves the queue without having run (it
     * ends STOPPED and changed nothing). Stopping a job that has ended changes nothing.
     */
    public RosterJob stop(long id) {
        synchronized (admission) {
            var job = status(id);
            if (job.status() == RosterJobStatus.QUEUED) {
                return jobs.save(job.ended(RosterJobStatus.STOPPED, Instant.now(), null));
            }
        }
        var job = status(id);
        var runningJob = running.get(job.weekStart());
        if (runningJob != null && runningJob.isJob(id)) {
            runningJob.stopRequested = true;
            solver.terminateEarly(runningJob.problemId);
        }
        return job;
    }

    /**
     * Where the job solving the week is, or null when none is: the front desk hands its changes to it. A job still
     * reading its week counts as solving; a queued one does not (it reads the books when it starts, so the desk
     * repairs the week itself meanwhile).
     */
    public @Nullable String solvingJobLocation(LocalDate weekStart) {
        var running = this.running.get(weekStart);
        return running == null ? null : "/api/rosters/" + running.job.id();
    }

    /** Where the week's job is, solving or queued, or null when it has none: publishing waits for either. */
    public @Nullable String weekJobLocation(LocalDate weekStart) {
        var solving = solvingJobLocation(weekStart);
        if (solving != null) {
            return solving;
        }
        return jobs.findByActiveWeek(weekStart).map(job -> "/api/rosters/" + job.id()).orElse(null);
    }

    /** On the job's thread, once its solve has ended: solved, or failed. */
    private void ended(RunningJob runningJob, FeasibilityFirstSolver.@Nullable SolvedWeek solved,
            @Nullable Throwable failure) {
        try {
            if (failure == null) {
                try {
                    storeAndFinish(runningJob, solved.schedule());
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
            if (failure != null) {
                var job = runningJob.job;
                LOGGER.error("Roster job {} for the week of {} failed.", job.id(), job.weekStart(), failure);
                finish(runningJob, RosterJobStatus.FAILED, reason(failure));
            }
        } finally {
            release(runningJob);
            try {
                runQueuedJobs();
            } catch (RuntimeException e) {
                LOGGER.error("The next roster job in line could not be started; it starts when another job ends.", e);
            }
        }
    }

    /** Lets go of the week and gives back the job's slot, once. */
    private void release(RunningJob runningJob) {
        if (runningJob.released.compareAndSet(false, true)) {
            running.remove(runningJob.weekStart, runningJob);
            runningJob.ended.countDown();
            slots.give();
        }
    }

    private static String reason(Throwable failure) {
        var reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return reason.length() > MAX_FAILURE_REASON_LENGTH ? reason.substring(0, MAX_FAILURE_REASON_LENGTH) : reason;
    }

    private void storeAndFinish(RunningJob runningJob, SpaSchedule solved) {
        storeBest(runningJob, solved);
        var score = solved.getScore();
        if (score != null && score.hardScore() < 0) {
            // The solver takes out every session it may move that breaks a hard rule: what is left is the books'.
            finish(runningJob, RosterJobStatus.FAILED, ("The roster breaks hard rules (%s) between sessions the "
                    + "solver may not move (confirmed, in progress or done); release or move one of them.")
                    .formatted(score));
        } else {
            finish(runningJob, runningJob.stopRequested ? RosterJobStatus.STOPPED : RosterJobStatus.COMPLETED, null);
        }
    }

    private void storeBestThrottled(RunningJob runningJob, SpaSchedule best) {
        var now = System.nanoTime();
        var score = best.getScore();
        // A roster in the middle of construction, or just after a change, can break hard rules: the books keep the
        // last one that breaks none until the solver has repaired it (or cleared it, at the end).
        var publishable = score != null && score.hardScore() == 0;
        if (publishable && now - runningJob.lastStoreNanos >= storeInterval.toNanos()) {
            try {
                storeBest(runningJob, best);
            } catch (OptimisticLockingFailureException e) {
                // Someone changed a session between this store's read and its write: theirs stands; the next store
                // (or the last one) tries again.
                LOGGER.info("Roster job {} skipped a store: a session changed meanwhile.", runningJob.job.id());
            }
        }
    }

    private void storeBest(RunningJob runningJob, SpaSchedule best) {
        synchronized (runningJob) {
            runningJob.lastStoreNanos = System.nanoTime();
            var score = best.getScore();
            transaction.executeWithoutResult(status -> {
                var skipped = store.storeRoster(runningJob.weekStart, best,
                        runningJob.versions);
                if (skipped > 0) {
                    LOGGER.info("Roster job {} left {} sessions alone: someone changed them while it solved.",
                            runningJob.job.id(), skipped);
                }
                var job = jobs.findById(runningJob.job.id()).orElseThrow();
                runningJob.job = jobs.save(score == null ? job
                        : job.withBest(score.toString(), score.hardScore(), score.mediumScore(), score.softScore(),
                                placedCount(best)));
            });
        }
    }

    /**
     * Stores the job's end and, in the same moment for a start, lets go of its week and slot: whoever sees the job
     * ended finds both free.
     */
    private void finish(RunningJob runningJob, RosterJobStatus status, @Nullable String failureReason) {
        synchronized (admission) {
            synchronized (runningJob) {
                var job = jobs.findById(runningJob.job.id()).orElseThrow();
                runningJob.job = jobs.save(job.ended(status, Instant.now(), failureReason));
            }
            release(runningJob);
        }
    }

    /** When a place in the queue is likely to free: the soonest a job solving now reaches its time budget. */
    private Duration soonestEndOfARunningJob() {
        var now = Instant.now();
        return running.values().stream()
                .map(runningJob -> runningJob.job)
                .filter(job -> job.startedAt() != null)
                .map(job -> Duration.between(now, job.startedAt().plusMillis(job.spentLimitMillis())))
                .min(Duration::compareTo)
                .filter(wait -> !wait.isNegative())
                .orElse(Duration.ofSeconds(1));
    }

    private static int placedCount(SpaSchedule schedule) {
        return (int) schedule.getAppointments().stream().filter(Appointment::isScheduled).count();
    }

    private static ConflictException alreadyActive(LocalDate weekStart, @Nullable RosterJob existing) {
        var what = existing != null && existing.status() == RosterJobStatus.QUEUED ? "queued for" : "solving";
        return new ConflictException("weekStart",
                "A roster job is already %s the week of %s; stop it or wait for it to end."
                .formatted(what, weekStart), existing == null ? null : "/api/rosters/" + existing.id());
    }

    @Override
    public void destroy() {
        // Jobs still queued stay queued, for the next start; the solver's own shutdown (after this one) ends the job
        // threads.
        closing = true;
        running.values().forEach(job -> {
            solver.terminateEarly(job.problemId);
        });
    }

    /** A job while it solves: its latest stored state and the appointment versions it last wrote or read. */
    private static final class RunningJob {

        private final LocalDate weekStart;
        private final String problemId;
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile RosterJob job;
        private final Map<String, Integer> versions = new ConcurrentHashMap<>();
        private volatile boolean stopRequested;
        private volatile long lastStoreNanos = System.nanoTime();

        private RunningJob(RosterJob job) {
            this.job = job;
            this.weekStart = job.weekStart();
            this.problemId = "roster-" + weekStart + "-" + UUID.randomUUID();
        }

        private boolean isJob(long id) {
            return job.id() == id;
        }
    }
}
