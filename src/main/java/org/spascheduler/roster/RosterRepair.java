package org.spascheduler.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spascheduler.booking.AppointmentRepository;
import org.spascheduler.booking.BookingState;
import org.spascheduler.booking.Placement;
import org.spascheduler.booking.StoredAppointment;
import org.spascheduler.planning.PlanningWeeks;
import org.spascheduler.planning.StoredWeek;
import org.spascheduler.planning.WeekLocks;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.solver.HardRuleClearance;
import org.spascheduler.schedule.solver.PlacementFilter;
import org.spascheduler.schedule.solver.ReleasedSessionFilter;
import org.spascheduler.schedule.solver.Terminations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolutionUpdatePolicy;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicForagerConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicPickEarlyType;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySorterManner;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * Repairs a week's roster after a front-desk event, from the roster as it stands: a short solve in which done, in
 * progress and confirmed sessions stay where they are (pinned), and only what the event released, what was never
 * promised and the waitlist may move (rule 17 prices every move of a published session). Sessions the event released
 * are confirmed again where the repair put them, or go back to the waitlist when no place was left for them.
 */
@Component
public class RosterRepair {

    private static final Logger LOGGER = LoggerFactory.getLogger(RosterRepair.class);
    /** Solves without the week's lock found stale before one solves holding it. */
    private static final int STALE_SOLVES = 3;

    private final Clock clock;
    private final PlanningWeeks store;
    private final AppointmentRepository appointments;
    private final TransactionTemplate transaction;
    private final SolverFactory<SpaSchedule> solverFactory;
    private final WeekLocks locks;
    private final SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager;
    private final HardRuleClearance clearance;

    RosterRepair(Clock clock, PlanningWeeks store, AppointmentRepository appointments,
            TransactionTemplate transaction, SolverConfig solverConfig,
            RepairProperties properties, WeekLocks locks,
            SolutionManager<SpaSchedule, HardMediumSoftLongScore> solutionManager) {
        this.locks = locks;
        this.solutionManager = solutionManager;
        this.clearance = new HardRuleClearance(solverConfig);
        this.store = store;
        this.appointments = appointments;
        this.transaction = transaction;
        this.clock = clock;
        // One stage with the real weights: a repair must weigh every move of a promised session from the start.
        var phases = new ArrayList<PhaseConfig>();
        phases.add(bestFitConstruction());
        phases.addAll(solverConfig.getPhaseConfigList());
        this.solverFactory = SolverFactory.create(new SolverConfig(solverConfig)
                .withPhaseList(phases)
                .withTerminationConfig(Terminations.of(properties.spentLimit(), properties.unimprovedSpentLimit())));
    }

    /**
     * The sessions an event released are few and may only move within their day, so each can afford to try every
     * therapist, start and room together and take the best: the place that moves a promise least, rather than the
     * first that fits. The waitlist follows with the weekly solve's first-fit construction (its windows can span the
     * whole week), then local search.
     */
    private static ConstructionHeuristicPhaseConfig bestFitConstruction() {
        var entities = new EntitySelectorConfig().withId("repairedSession")
                .withCacheType(SelectionCacheType.PHASE)
                .withSelectionOrder(SelectionOrder.SORTED)
                .withSorterManner(EntitySorterManner.DESCENDING)
                .withFilterClass(ReleasedSessionFilter.class);
        var placements = new CartesianProductMoveSelectorConfig(List.of(change("therapist"), change("start"),
                change("room")));
        placements.setFilterClass(PlacementFilter.class);
        return new ConstructionHeuristicPhaseConfig()
                .withEntityPlacerConfig(new QueuedEntityPlacerConfig().withEntitySelectorConfig(entities)
                        .withMoveSelectorConfigList(List.of(placements)))
                .withForagerConfig(new ConstructionHeuristicForagerConfig()
                        .withPickEarlyType(ConstructionHeuristicPickEarlyType.NEVER));
    }

    private static ChangeMoveSelectorConfig change(String variable) {
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig("repairedSession"))
                .withValueSelectorConfig(new ValueSelectorConfig(variable));
    }

    /** What a repair did: each changed session with its place before and after, and the week's score after. */
    public record Outcome(List<Moved> changed, String score) {
    }

    public record Moved(StoredAppointment appointment, Placement before, Placement after) {
    }

    /**
     * Solves the week from its stored roster and stores the result. The caller holds the week's lock and has already
     * written the event's own change (a cancellation, time off, a released session, a new request).
     *
     * @param before each session's place before the event, to report what changed
     */
    public Outcome repair(LocalDate weekStart, Map<String, Placement> before) {
        return store(solve(weekStart), before, false).orElseThrow();
    }

    /**
     * As {@link #repair}, for a caller that does not hold the week's lock (an event that wrote its change and let the
     * week go): the solve runs without the lock, so other desks write meanwhile, and only its store takes the lock.
     * When nothing the solve read was written since ({@link PlanningWeeks#signature}), it stores. When something was
     * (another desk's event), it stores only what nobody changed meanwhile and keeps that only if the week then breaks
     * no hard rule it did not break before (a walk-in booked into a place the repair gave away); otherwise it solves
     * again from the week as it is then, and after a few such tries it solves holding the lock, so that it ends.
     *
     * @param concernedBefore the place before the event of each session the event itself changed; the others are
     *        reported against the week as the repair read it, so that what other desks did meanwhile is theirs
     */
    public Outcome repairWithoutTheLock(LocalDate weekStart, Map<String, Placement> concernedBefore) {
        for (var attempt = 0; attempt < STALE_SOLVES; attempt++) {
            var signature = store.signature(weekStart);
            var solving = solve(weekStart);
            var outcome = locks.withWeekWhenFree(weekStart, () -> store(solving, before(solving, concernedBefore),
                    !signature.equals(store.signature(weekStart))));
            if (outcome.isPresent()) {
                return outcome.get();
            }
            LOGGER.debug("Week {} changed while its repair solved (try {}) and its roster no longer fits; solving again.",
                    weekStart, attempt + 1);
        }
        return locks.withWeekWhenFree(weekStart, () -> {
            var solving = solve(weekStart);
            return store(solving, before(solving, concernedBefore), false).orElseThrow();
        });
    }

    private static Map<String, Placement> before(Solving solving, Map<String, Placement> concernedBefore) {
        var before = new HashMap<String, Placement>();
        solving.week().appointments().forEach(appointment -> before.put(appointment.id(), appointment.placement()));
        before.putAll(concernedBefore);
        return before;
    }

    /** A week read and solved, not stored yet. */
    private record Solving(StoredWeek week, Map<String, Integer> versions, Set<String> released, SpaSchedule solved,
            long started, long loaded, long mapped, long solvedAt) {
    }

    private Solving solve(LocalDate weekStart) {
        var started = System.nanoTime();
        var week = store.stored(weekStart);
        var loaded = System.nanoTime();
        var versions = new HashMap<String, Integer>();
        week.appointments().forEach(appointment -> versions.put(appointment.id(), appointment.version()));
        var released = week.appointments().stream()
                .filter(appointment -> appointment.state() == BookingState.CONFIRMED && appointment.released())
                .map(StoredAppointment::id).collect(Collectors.toSet());
        var now = LocalDateTime.now(clock.withZone(ZoneId.of(week.spa().timeZone())));
        var problem = store.solution(fromNowOn(withinPromisedDay(week, released), now));
        // What an event released must find a place again, from scratch: first the best one, then local search.
        problem.getAppointments().stream().filter(session -> released.contains(session.getId()))
                .forEach(session -> session.assign(null, null, null));
        var mapped = System.nanoTime();
        var solved = solverFactory.buildSolver().solve(problem);
        if (solved.getScore() == null || solved.getScore().hardScore() < 0) {
            // The time ran out before the solve had cleared what it tried (a busy machine): leave those unplaced.
            solved = clearance.clear(solved);
        }
        return new Solving(week, versions, released, solved, started, loaded, mapped, System.nanoTime());
    }

    /**
     * Stores a solved week; the caller holds its lock.
     *
     * @param changedSince whether the week was written since the solve read it: then the roster is kept only if the
     *        sessions it placed or confirmed again break no hard rule of the week as it is now (scored with and
     *        without them, as a booking is; the week as a whole would let a broken rule hide behind one mended)
     * @return empty when the roster was not kept
     */
    private Optional<Outcome> store(Solving solving, Map<String, Placement> before, boolean changedSince) {
        var weekStart = solving.week().weekStart();
        var kept = transaction.execute(status -> {
            var versionsRead = Map.copyOf(solving.versions());
            store.storeRoster(weekStart, solving.solved(), solving.versions());
            var written = new HashSet<>(confirmReleasedAgain(weekStart, solving));
            solving.versions().forEach((id, version) -> {
                if (!Objects.equals(version, versionsRead.get(id))) {
                    written.add(id);
                }
            });
            if (changedSince && breaksAHardRule(weekStart, written)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
        if (!Boolean.TRUE.equals(kept)) {
            return Optional.empty();
        }
        var storedAt = System.nanoTime();
        var after = appointments.findByWeekStart(weekStart).stream()
                .filter(appointment -> appointment.state() != BookingState.CANCELLED)
                .collect(Collectors.toMap(StoredAppointment::id, Function.identity()));
        var changed = new ArrayList<Moved>();
        after.values().stream().sorted(java.util.Comparator.comparing(StoredAppointment::id)).forEach(appointment -> {
            var was = before.getOrDefault(appointment.id(), Placement.NONE);
            var is = appointment.placement();
            if (!Objects.equals(was, is)) {
                changed.add(new Moved(appointment, was, is));
            }
        });
        // The front desk waits for this: when it is slow, this line says which part to look at.
        LOGGER.debug(
                "Repaired week {} ({} released) in {} ms: load {} ms, map {} ms, solve {} ms, store {} ms, diff {} ms",
                weekStart, solving.released().size(), millis(solving.started(), System.nanoTime()),
                millis(solving.started(), solving.loaded()), millis(solving.loaded(), solving.mapped()),
                millis(solving.mapped(), solving.solvedAt()), millis(solving.solvedAt(), storedAt),
                millis(storedAt, System.nanoTime()));
        return Optional.of(new Outcome(changed, Objects.toString(solving.solved().getScore())));
    }

    /** Whether the week as written now breaks a hard rule that it would not break without these sessions. */
    private boolean breaksAHardRule(LocalDate weekStart, Set<String> written) {
        if (written.isEmpty()) {
            return false;
        }
        var week = store.storedEvenEmpty(weekStart);
        var without = week.withAppointments(week.appointments().stream()
                .filter(appointment -> !written.contains(appointment.id())).toList());
        return hardScore(week) < hardScore(without);
    }

    private long hardScore(StoredWeek week) {
        return solutionManager.update(store.solution(week), SolutionUpdatePolicy.UPDATE_SCORE_ONLY).hardScore();
    }

    public static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /**
     * A released session may move within the day it was promised (the same time with another therapist, or another
     * time that day); moving it to another day is the client's decision, so when the day has no place left it loses
     * its place and the front desk calls.
     */
    /**
     * A repair changes only what is still to come: a session the solver may move keeps a place that has already
     * begun, and otherwise may only start from now on (on the booking grain).
     */
    private static StoredWeek fromNowOn(StoredWeek week, LocalDateTime now) {
        var grain = week.spa().grainMinutes();
        var minutesIntoDay = now.getHour() * 60 + now.getMinute() + (now.getSecond() > 0 || now.getNano() > 0 ? 1 : 0);
        var nextStart = now.toLocalDate().atStartOfDay()
                .plusMinutes((minutesIntoDay + grain - 1) / grain * (long) grain);
        var appointments = week.appointments().stream().map(appointment -> {
            var movable = appointment.state() == BookingState.REQUESTED
                    || appointment.state() == BookingState.CONFIRMED && appointment.released();
            if (!movable) {
                return appointment;
            }
            if (appointment.isPlaced() && appointment.startsAt().isBefore(now)) {
                return appointment.withWindow(appointment.startsAt(),
                        appointment.startsAt().plusMinutes(appointment.durationMinutes()));
            }
            if (!appointment.windowStart().isBefore(nextStart)) {
                return appointment;
            }
            // A window that is over leaves no start at all: the session waits, unplaced.
            var start = nextStart.isAfter(appointment.windowEnd()) ? appointment.windowEnd() : nextStart;
            return appointment.withWindow(start, appointment.windowEnd());
        }).toList();
        return week.withAppointments(appointments);
    }

    private static StoredWeek withinPromisedDay(StoredWeek week, Set<String> released) {
        var appointments = week.appointments().stream().map(appointment -> {
            var promised = appointment.publishedStartsAt();
            if (!released.contains(appointment.id()) || promised == null) {
                return appointment;
            }
            var dayStart = promised.toLocalDate().atStartOfDay();
            var start = appointment.windowStart().isAfter(dayStart) ? appointment.windowStart() : dayStart;
            var end = appointment.windowEnd().isBefore(dayStart.plusDays(1)) ? appointment.windowEnd()
                    : dayStart.plusDays(1);
            if (start.plusMinutes(appointment.durationMinutes()).isAfter(end)) {
                return appointment;
            }
            return appointment.withWindow(start, end);
        }).toList();
        return week.withAppointments(appointments);
    }

    /**
     * A released session the repair placed is promised again where it now is (the front desk tells the client); one
     * it could not place goes back to the waitlist as a request, since its promise could not be kept.
     */
    /** @return the sessions confirmed again or waitlisted */
    private List<String> confirmReleasedAgain(LocalDate weekStart, Solving solving) {
        var reconfirmed = new ArrayList<StoredAppointment>();
        for (var appointment : appointments.findByWeekStart(weekStart)) {
            if (appointment.state() != BookingState.CONFIRMED || !appointment.released()
                    || !solving.released().contains(appointment.id())
                    || !Objects.equals(appointment.version(), solving.versions().get(appointment.id()))) {
                // Released after the solve read the week, or changed since: the next repair settles it.
                continue;
            }
            reconfirmed.add(appointment.isPlaced() ? appointment.confirmedWherePlaced() : appointment.requestedAgain());
        }
        appointments.saveAll(reconfirmed);
        return reconfirmed.stream().map(StoredAppointment::id).toList();
    }
}
