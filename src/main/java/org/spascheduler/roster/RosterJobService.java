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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Solves weeks in the background, one job at a time per week. The best roster so far is written to the spa's books as
 * it improves (at most once per store interval) and at the end, so that the week's roster views show it while it
 * solves and nothing is lost when the job is stopped.
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
    private final Map<LocalDate, RunningJob> running = new ConcurrentHashMap<>();

    RosterJobService(FeasibilityFirstSolver solver, PlanningWeeks store, RosterJobRepository jobs,
            TransactionTemplate transaction, RosterProperties properties) {
        this.solver = solver;
        this.store = store;
        this.jobs = jobs;
        this.transaction = transaction;
        this.storeInterval = properties.storeInterval();
    }

    /** Jobs a previous run of the service left solving did not finish: say so. */
    @EventListener(ApplicationReadyEvent.class)
    void failJobsInterruptedByARestart() {
        for (var job : jobs.findByStatus(RosterJobStatus.SOLVING)) {
            jobs.save(job.ended(RosterJobStatus.FAILED, Instant.now(),
                    "The service stopped while this job was solving; the best roster it had stored is kept."));
        }
    }

    /**
     * Starts solving a week.
     *
     * @throws ConflictException when a job is already solving that week, pointing at it
     */
    public RosterJob start(LocalDate weekStart, Duration spentLimit, Duration unimprovedSpentLimit) {
        var reservation = new RunningJob(weekStart);
        var existing = running.putIfAbsent(weekStart, reservation);
        if (existing != null) {
            throw alreadySolving(weekStart, existing);
        }
        // From here the front desk's changes to the week reach the job, also while it reads the week.
        solver.expect(reservation.problemId);
        try {
            var week = store.stored(weekStart);
            var problem = store.solution(week);
            // The versions of exactly what the job solves from: a change committed after this read is someone
            // else's, and the job leaves it alone until it has taken that change in (booksChanged).
            var versions = new ConcurrentHashMap<String, Integer>();
            week.appointments().forEach(appointment -> versions.put(appointment.id(), appointment.version()));
            var job = jobs.save(RosterJob.started(weekStart, problem.getAppointments().size(),
                    placedCount(problem), spentLimit.toMillis(), Instant.now()));
            reservation.begin(job, versions);
            // The solver owns the job's threads: its own, its stages' and their deadline.
            solver.solveInBackground(reservation.problemId, problem, spentLimit, unimprovedSpentLimit,
                    (best, stage) -> storeBestThrottled(reservation, best),
                    solved -> ended(reservation, solved, null),
                    failure -> ended(reservation, null, failure));
            return job;
        } catch (RuntimeException e) {
            solver.forget(reservation.problemId);
            running.remove(weekStart, reservation);
            reservation.ended.countDown();
            throw e;
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

    public List<RosterJob> list(@Nullable LocalDate weekStart) {
        return weekStart == null ? jobs.findTop20ByOrderByStartedAtDesc()
                : jobs.findTop20ByWeekStartOrderByStartedAtDesc(weekStart);
    }

    /** Stops a job early; it keeps and stores its best roster. Stopping a job that has ended changes nothing. */
    public RosterJob stop(long id) {
        var job = status(id);
        var runningJob = running.get(job.weekStart());
        if (runningJob != null && runningJob.isJob(id)) {
            runningJob.stopRequested = true;
            solver.terminateEarly(runningJob.problemId);
        }
        return job;
    }

    /**
     * Where the job solving the week is, or null when none is: publishing and the front desk wait for it. A job still
     * reading its week counts as solving.
     */
    public @Nullable String solvingJobLocation(LocalDate weekStart) {
        var running = this.running.get(weekStart);
        if (running == null) {
            return null;
        }
        var job = running.job;
        return job == null ? "/api/rosters?week=" + weekStart : "/api/rosters/" + job.id();
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
                var reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
                finish(runningJob, RosterJobStatus.FAILED, reason.length() > MAX_FAILURE_REASON_LENGTH
                        ? reason.substring(0, MAX_FAILURE_REASON_LENGTH) : reason);
            }
        } finally {
            running.remove(runningJob.weekStart, runningJob);
            runningJob.ended.countDown();
        }
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

    private void finish(RunningJob runningJob, RosterJobStatus status, @Nullable String failureReason) {
        synchronized (runningJob) {
            var job = jobs.findById(runningJob.job.id()).orElseThrow();
            runningJob.job = jobs.save(job.ended(status, Instant.now(), failureReason));
        }
    }

    private static int placedCount(SpaSchedule schedule) {
        return (int) schedule.getAppointments().stream().filter(Appointment::isScheduled).count();
    }

    private static ConflictException alreadySolving(LocalDate weekStart, RunningJob existing) {
        var job = existing.job;
        return new ConflictException("weekStart",
                "A roster job is already solving the week of %s; stop it or wait for it to end."
                .formatted(weekStart), job == null ? null : "/api/rosters/" + job.id());
    }

    @Override
    public void destroy() {
        // The solver's own shutdown (after this one) ends the job threads.
        running.values().forEach(job -> {
            solver.terminateEarly(job.problemId);
        });
    }

    /** A job while it solves: its latest stored state and the appointment versions it last wrote or read. */
    private static final class RunningJob {

        private final LocalDate weekStart;
        private final String problemId;
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile RosterJob job;
        private final Map<String, Integer> versions = new ConcurrentHashMap<>();
        private volatile boolean stopRequested;
        private volatile long lastStoreNanos = System.nanoTime();

        private RunningJob(LocalDate weekStart) {
            this.weekStart = weekStart;
            this.problemId = "roster-" + weekStart + "-" + UUID.randomUUID();
        }

        private void begin(RosterJob job, Map<String, Integer> versions) {
            this.job = job;
            versions.forEach((id, version) -> this.versions.merge(id, version, Math::max));
        }

        private boolean isJob(long id) {
            return job != null && job.id() == id;
        }
    }
}
