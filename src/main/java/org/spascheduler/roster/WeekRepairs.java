package org.spascheduler.roster;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.spascheduler.booking.Placement;
import org.springframework.stereotype.Component;

/**
 * Repairs a week after changes, one repair of a week at a time, each for every change that is waiting when it starts:
 * four desks recording events at once wait for at most two repairs, not four one after another (a repair solves for
 * half a second on a busy week, and two solving at once on two cores are no faster). The first change waiting runs the
 * repair for all that wait with it; the others have its outcome.
 * <p>
 * This is a node's own economy, not a correctness guard: the repair stores its roster only if nothing it read changed
 * ({@link RosterRepair#repairWithoutTheLock}), so two nodes repairing one week at once still store nothing stale.
 */
@Component
public class WeekRepairs {

    private final RosterRepair repair;
    /** Per week, the changes waiting for the next repair; taken whole by the change that runs it. */
    private final Map<LocalDate, Batch> waiting = new HashMap<>();
    private final Map<LocalDate, ReentrantLock> running = new ConcurrentHashMap<>();

    WeekRepairs(RosterRepair repair) {
        this.repair = repair;
    }

    /**
     * A repair's outcome as one change sees it.
     *
     * @param ranIt this change ran the repair: what the repair did beyond the changes' own sessions is reported with
     *        it, once, rather than with each change repaired together
     */
    public record Repaired(RosterRepair.Outcome outcome, boolean ranIt) {
    }

    /**
     * Repairs the week after a change committed and let go of the week's lock, together with every other change
     * waiting then.
     *
     * @param concernedBefore the place before the change of each session it changed itself
     */
    public Repaired after(LocalDate weekStart, Map<String, Placement> concernedBefore) {
        var ticket = new CompletableFuture<Repaired>();
        synchronized (waiting) {
            waiting.computeIfAbsent(weekStart, week -> new Batch()).add(ticket, concernedBefore);
        }
        var runner = running.computeIfAbsent(weekStart, week -> new ReentrantLock(true));
        runner.lock();
        try {
            if (!ticket.isDone()) {
                // Its own change is waiting still, so the batch waiting now holds it: run that batch for all of it.
                Batch batch;
                synchronized (waiting) {
                    batch = waiting.remove(weekStart);
                }
                batch.run(weekStart, ticket);
            }
        } finally {
            runner.unlock();
        }
        return ticket.join();
    }

    /** Changes waiting for one repair, and the places before them of the sessions they changed themselves. */
    private final class Batch {

        private final Map<CompletableFuture<Repaired>, Map<String, Placement>> tickets = new LinkedHashMap<>();

        void add(CompletableFuture<Repaired> ticket, Map<String, Placement> concernedBefore) {
            tickets.put(ticket, concernedBefore);
        }

        void run(LocalDate weekStart, CompletableFuture<Repaired> runner) {
            var concernedBefore = new HashMap<String, Placement>();
            // The earliest change's "before" of a session is the place the client had been told.
            tickets.values().forEach(before -> before.forEach(concernedBefore::putIfAbsent));
            try {
                var outcome = repair.repairWithoutTheLock(weekStart, concernedBefore);
                tickets.keySet().forEach(ticket -> ticket.complete(new Repaired(outcome, ticket == runner)));
            } catch (RuntimeException | Error failure) {
                tickets.keySet().forEach(ticket -> ticket.completeExceptionally(failure));
                throw failure;
            }
        }
    }
}
