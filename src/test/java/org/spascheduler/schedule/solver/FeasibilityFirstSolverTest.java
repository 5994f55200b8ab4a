package org.spascheduler.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.demo.DemoSpaGenerator;
import org.spascheduler.schedule.domain.Appointment;

import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * The two-stage solve: a budget that ends inside construction still gives a roster; problem changes reach a running
 * solve, and a solve that has ended says it did not take one.
 */
class FeasibilityFirstSolverTest {

    @Test
    void aBudgetThatEndsInsideConstructionStillGivesARoster() {
        var problem = DemoSpaGenerator.generate(DemoSize.LARGE);
        try (var solver = new FeasibilityFirstSolver(SolverConfig.createFromXmlResource("solverConfig.xml"))) {
            // LARGE's construction takes seconds: stage one (70% of 3 s) stops inside it, and stage two goes on with
            // the sessions it did not reach unscheduled, rather than fail: local search cannot start from sessions
            // without a therapist or a room.
            var solved = solver.solve(problem, Duration.ofSeconds(3), Duration.ofSeconds(3), (best, stage) -> {
            });

            assertThat(solved.schedule().getScore()).isNotNull();
            assertThat(solved.schedule().getAppointments()).as("every session has a therapist and a room, or a start")
                    .allMatch(appointment -> appointment.getTherapist() != null && appointment.getRoom() != null);
            // Issue 15: what construction placed on top of others, and stage two had no time to repair, is taken out.
            assertThat(solved.schedule().getScore().hardScore()).isZero();
            assertThat(IndependentRosterChecker.of(solved.schedule()).violations()).isEmpty();
        }
    }

    @Test
    void aSolveStoppedRightAfterAChangeThatBreaksRulesEndsWithARosterThatBreaksNone() throws Exception {
        var monday = LocalDate.of(2026, 11, 30);
        try (var solver = new FeasibilityFirstSolver(SolverConfig.createFromXmlResource("solverConfig.xml"))) {
            var firstBest = new CountDownLatch(1);
            var solving = CompletableFuture.supplyAsync(() -> solver.solve("broken-week",
                    DemoSpaGenerator.generate(DemoSize.SMALL, DemoSpaGenerator.DEFAULT_SEED, monday),
                    Duration.ofMinutes(1), Duration.ofMinutes(1), (best, stage) -> firstBest.countDown()));
            assertThat(firstBest.await(30, TimeUnit.SECONDS)).isTrue();
            // Books that changed under every session (another draw: the same session ids, other windows, clients and
            // confirmed sessions): the places the solve had given them now break rules.
            solver.addProblemChange("broken-week", new BooksSync(() -> DemoSpaGenerator.generate(DemoSize.SMALL, 7L,
                    monday))).get(30, TimeUnit.SECONDS);
            solver.terminateEarly("broken-week");

            var solved = solving.get(30, TimeUnit.SECONDS).schedule();

            assertThat(solved.getScore().hardScore()).isZero();
            assertThat(IndependentRosterChecker.of(solved).violations()).isEmpty();
        }
    }

    @Test
    void aChangeSentWhileSolvingIsInTheFinalRoster() throws Exception {
        try (var solver = new FeasibilityFirstSolver(SolverConfig.createFromXmlResource("solverConfig.xml"))) {
            var firstBest = new CountDownLatch(1);
            var solving = CompletableFuture.supplyAsync(() -> solver.solve("changed-week",
                    DemoSpaGenerator.generate(DemoSize.SMALL), Duration.ofMinutes(1), Duration.ofMinutes(1),
                    (best, stage) -> firstBest.countDown()));
            assertThat(firstBest.await(30, TimeUnit.SECONDS)).isTrue();
            // The books now: one session fewer (cancelled) and one more (a walk-in, here a copy under a new id).
            var cancelled = DemoSpaGenerator.generate(DemoSize.SMALL).getAppointments().get(0).getId();
            var applied = solver.addProblemChange("changed-week", new BooksSync(() -> {
                var books = DemoSpaGenerator.generate(DemoSize.SMALL);
                var first = books.getAppointments().remove(0);
                var walkIn = new Appointment("walk-in", first.getClient(), first.getTreatment(),
                        first.getDurationMinutes(), first.getRequestedWindow(), first.getState(), false, null, 0,
                        null);
                books.getAppointments().add(walkIn);
                books.restrictValues(walkIn);
                return books;
            }));
            applied.get(30, TimeUnit.SECONDS);
            solver.terminateEarly("changed-week");

            var solved = solving.get(30, TimeUnit.SECONDS).schedule();

            // Stopped at once, the roster need not be good yet; it must be the books' week.
            assertThat(solved.getAppointments()).extracting(Appointment::getId)
                    .doesNotContain(cancelled).contains("walk-in")
                    .hasSize(DemoSpaGenerator.generate(DemoSize.SMALL).getAppointments().size());
        }
    }

    @Test
    void aChangeToASolveThatHasEndedFails() {
        try (var solver = new FeasibilityFirstSolver(SolverConfig.createFromXmlResource("solverConfig.xml"))) {
            solver.solve("ended-week", DemoSpaGenerator.generate(DemoSize.SMALL), Duration.ofMillis(500),
                    Duration.ofMillis(500), (best, stage) -> {
                    });

            var applied = solver.addProblemChange("ended-week", new BooksSync(() -> DemoSpaGenerator.generate(DemoSize.SMALL)));

            assertThat(applied).isCompletedExceptionally();
            assertThat(catchCause(applied)).hasMessageContaining("No solve (ended-week) is running");
        }
    }

    private static Throwable catchCause(CompletableFuture<Void> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

