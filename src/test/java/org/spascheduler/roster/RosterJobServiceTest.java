package org.spascheduler.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.client.StoredClient;
import org.spascheduler.planning.PlanningTestSupport;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.room.StoredRoom;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.schedule.solver.FeasibilityFirstSolver;
import org.spascheduler.spa.Spa;
import org.spascheduler.spa.StoredWorkRules;
import org.spascheduler.therapist.StoredTherapist;
import org.spascheduler.treatment.StoredTreatment;
import org.spascheduler.web.ConflictException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A job's life when the solver fails or the service restarts, with the solver and the database stood in for. */
class RosterJobServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final FeasibilityFirstSolver solver = mock(FeasibilityFirstSolver.class);
    private final PlanningWeeks store = mock(PlanningWeeks.class);
    private final RosterJobRepository jobs = mock(RosterJobRepository.class);
    private final List<RosterJob> saved = new CopyOnWriteArrayList<>();
    private final RosterJobService service = new RosterJobService(solver, store, jobs,
            new TransactionTemplate(new NoTransactions()), new RosterProperties(Duration.ofSeconds(2), 1, 8));

    RosterJobServiceTest() {
        // The stand-in solves in the background as the real one does: on a thread of its own, then the callbacks.
        doAnswer(invocation -> {
            Consumer<FeasibilityFirstSolver.SolvedWeek> solved = invocation.getArgument(5);
            Consumer<Throwable> failed = invocation.getArgument(6);
            CompletableFuture.runAsync(() -> {
                FeasibilityFirstSolver.SolvedWeek result;
                try {
                    result = solver.solve(invocation.getArgument(0), invocation.getArgument(1),
                            invocation.getArgument(2), invocation.getArgument(3), invocation.getArgument(4));
                } catch (RuntimeException e) {
                    failed.accept(e);
                    return;
                }
                solved.accept(result);
            });
            return null;
        }).when(solver).solveInBackground(anyString(), any(), any(), any(), any(), any(), any());
        when(store.stored(MONDAY)).thenReturn(week());
        when(store.solution(any(StoredWeek.class)))
                .thenAnswer(invocation -> PlanningTestSupport.solution(invocation.getArgument(0)));
        when(jobs.save(any())).thenAnswer(invocation -> {
            RosterJob job = invocation.getArgument(0);
            var stored = new RosterJob(job.id() == null ? 1L : job.id(), job.weekStart(), job.status(), job.score(),
                    job.hardScore(), job.mediumScore(), job.softScore(), job.sessions(), job.placed(), job.unplaced(),
                    job.spentLimitMillis(), job.unimprovedLimitMillis(), job.queuedAt(), job.startedAt(),
                    job.endedAt(), job.failureReason(), job.activeWeek(), job.version() == null ? 0 : job.version() + 1);
            saved.add(stored);
            return stored;
        });
        when(jobs.findById(1L)).thenAnswer(invocation -> Optional.of(saved.get(saved.size() - 1)));
        // The one job of these tests is the queue, while it is queued.
        when(jobs.findByStatusOrderByIdAsc(RosterJobStatus.QUEUED)).thenAnswer(invocation -> saved.isEmpty()
                || saved.get(saved.size() - 1).status() != RosterJobStatus.QUEUED ? List.of()
                        : List.of(saved.get(saved.size() - 1)));
        when(jobs.findByActiveWeek(MONDAY)).thenAnswer(invocation -> saved.isEmpty()
                || saved.get(saved.size() - 1).activeWeek() == null ? Optional.empty()
                        : Optional.of(saved.get(saved.size() - 1)));
    }

    @AfterEach
    void shutDown() {
        service.destroy();
    }

    @Test
    void aJobWhoseSolverThrowsEndsFailedWithTheReasonAndWritesNoRoster() {
        when(solver.solve(anyString(), any(), any(), any(), any()))
                .thenThrow(new IllegalStateException("Solving failed: out of coffee"));

        service.start(MONDAY, Duration.ofSeconds(5), Duration.ofSeconds(2));

        // The job ends on its own thread: wait (briefly) for its last write, which Mockito may count before it returns.
        await().atMost(Duration.ofSeconds(5)).until(() -> saved.size() >= 2);
        var last = saved.get(saved.size() - 1);
        assertThat(last.status()).isEqualTo(RosterJobStatus.FAILED);
        assertThat(last.failureReason()).isEqualTo("Solving failed: out of coffee");
        assertThat(last.endedAt()).isNotNull();
        verify(store, never()).storeRoster(any(), any(), any());
        // The week is let go right after the job's last write.
        await().atMost(Duration.ofSeconds(5)).until(() -> service.solvingJobLocation(MONDAY) == null);
    }

    @Test
    void aJobWhoseRosterStillBreaksAHardRuleIsNotReportedCompleted() {
        // What the solver leaves broken can only be the books' own: sessions it may not move.
        var roster = PlanningTestSupport.solution(week());
        roster.setScore(HardMediumSoftLongScore.of(-1, 0, 0));
        when(solver.solve(anyString(), any(), any(), any(), any()))
                .thenReturn(new FeasibilityFirstSolver.SolvedWeek(roster, 0, Duration.ZERO));

        service.start(MONDAY, Duration.ofSeconds(5), Duration.ofSeconds(2));

        var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (saved.get(saved.size() - 1).endedAt() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        var last = saved.get(saved.size() - 1);
        assertThat(last.status()).isEqualTo(RosterJobStatus.FAILED);
        assertThat(last.hardScore()).isEqualTo(-1);
        assertThat(last.failureReason()).contains("may not move");
    }

    @Test
    void aSecondJobForAWeekThatIsSolvingIsRefusedWithTheFirstOnesLocation() {
        when(solver.solve(anyString(), any(), any(), any(), any())).thenAnswer(invocation -> {
            Thread.sleep(2_000);
            throw new IllegalStateException("stopped by the test");
        });
        service.start(MONDAY, Duration.ofSeconds(5), Duration.ofSeconds(2));

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(ConflictException.class,
                () -> service.start(MONDAY, Duration.ofSeconds(5), Duration.ofSeconds(2)));

        assertThat(refused.location()).isEqualTo("/api/rosters/1");
    }

    @Test
    void jobsLeftSolvingByAPreviousRunAreMarkedFailedOnStart() {
        var interrupted = RosterJob.queued(MONDAY, 10, 0, 30_000, 30_000, Instant.now())
                .running(Instant.now(), 10, 0);
        when(jobs.findByStatus(RosterJobStatus.SOLVING)).thenReturn(List.of(interrupted));

        service.takeUpAfterARestart();

        assertThat(saved).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(RosterJobStatus.FAILED);
            assertThat(job.failureReason()).contains("stopped while this job was solving");
        });
    }

    @Test
    void jobsLeftQueuedByAPreviousRunRunOnStartEachWithItsWholeBudget() {
        var roster = PlanningTestSupport.solution(week());
        roster.setScore(HardMediumSoftLongScore.ZERO);
        when(solver.solve(anyString(), any(), any(), any(), any()))
                .thenReturn(new FeasibilityFirstSolver.SolvedWeek(roster, 0, Duration.ZERO));
        var queuedAt = Instant.now().minus(Duration.ofHours(1));
        jobs.save(RosterJob.queued(MONDAY, 1, 0, 5_000, 2_000, queuedAt));

        service.takeUpAfterARestart();

        verify(solver).solveInBackground(anyString(), any(), eq(Duration.ofSeconds(5)), eq(Duration.ofSeconds(2)),
                any(), any(), any());
        await().atMost(Duration.ofSeconds(5)).until(() -> saved.get(saved.size() - 1).endedAt() != null);
        var last = saved.get(saved.size() - 1);
        assertThat(last.status()).isEqualTo(RosterJobStatus.COMPLETED);
        assertThat(last.startedAt()).isAfter(queuedAt.plus(Duration.ofMinutes(59)));
    }

    private static StoredWeek week() {
        var spa = new Spa(Spa.ID, "Test spa", "Europe/Brussels", 15, 2880, new StoredWorkRules(30, 180, 360, 60),
                List.of(new Spa.OpeningHours(java.time.DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
                0);
        var treatment = new StoredTreatment("relaxation", "Relaxation", "relaxation", TherapistLoad.LOW, 10,
                List.of(new StoredTreatment.Duration(60)), Set.of(), null, 0);
        var therapist = new StoredTherapist("anna", "Anna", 10, 360, 4, null,
                Set.of(new StoredTherapist.Skill("relaxation")),
                List.of(), List.of(new StoredTherapist.Shift(MONDAY.atTime(9, 0), MONDAY.atTime(18, 0))), List.of(),
                List.of(), 0);
        var room = new StoredRoom("lotus", "Lotus", Set.of(), List.of(), 0);
        var client = new StoredClient("ines", "Ines", null, null, false, Set.of(), Set.of(), List.of(), 0);
        var request = new StoredAppointment("a-1", "ines", "relaxation", 60, MONDAY.atTime(9, 0), MONDAY.atTime(18, 0),
                MONDAY, BookingState.REQUESTED, false, null, null, null, null, null, null, null, 0);
        return new StoredWeek(MONDAY, spa, List.of(treatment), List.of(therapist), List.of(room), List.of(client),
                List.of(), List.of(request), Map.of(), Map.of(), Map.of());
    }

    /** Runs the callback without a database: the repositories are stand-ins. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
