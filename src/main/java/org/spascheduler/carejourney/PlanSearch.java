package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.SeriesSpacing;

/**
 * A beam search for the days, times and therapists of a care plan's sessions, over places known to be free
 * ({@link PlanSlot}s, each feasible on its own in its week). It checks what the week-scoped score cannot see: the
 * spacing between consecutive sessions (rule 8 minimum, rule 11 maximum), which often lie in different weeks, and the
 * rest between a client's high-load sessions across weeks. Sessions of the plan that are kept (done, or booked and
 * not cancelled) stay where they are; new sessions go before, between or after them, keeping the spacing with them.
 * <p>
 * The search goes one session at a time, keeping the cheapest {@link #BEAM_WIDTH} partial series under a
 * {@link PlanStrategy}, at most one per (sessions placed, day, therapist) of the latest session, so that the beam is
 * not filled with the same day at other times.
 */
final class PlanSearch {

    static final int BEAM_WIDTH = 40;
    /** Per day a kept session lies beyond the maximum spacing from the one before: only when nothing fits between. */
    private static final double PER_DAY_BEYOND_MAXIMUM = 100_000;

    /** A session of the plan that stays where it is. */
    record Kept(LocalDateTime startsAt, @Nullable String therapistId) {
    }

    /**
     * What to search.
     *
     * @param sessionsToPlace how many new sessions
     * @param kept the plan's sessions that stay, in time order
     * @param otherHighLoadStarts the client's other high-load sessions, in no order
     * @param slotsByDay the free places, by day, from {@code firstDay} to {@code lastDay}
     * @param minutesFromPreferredTime how far a start lies from the client's preferred days and hours (0 inside)
     * @param preferredTherapistId the therapist the client asked for, or null
     */
    record Problem(int sessionsToPlace, int durationMinutes, SeriesSpacing spacing, List<Kept> kept,
            boolean highLoad, int restMinutes, List<LocalDateTime> otherHighLoadStarts,
            NavigableMap<LocalDate, List<PlanSlot>> slotsByDay, ToIntFunction<LocalDateTime> minutesFromPreferredTime,
            @Nullable String preferredTherapistId, LocalDate firstDay, LocalDate lastDay) {
    }

    /**
     * A series found: the new sessions, in order, and where each stands in the whole series (kept ones included).
     *
     * @param positions for each new session, its 0-based position among the plan's sessions from this search on
     * @param daysBeyondMaximum days by which gaps of the whole series exceed the maximum spacing (rule 11): 0 unless
     *        the kept sessions leave no other way
     */
    record Found(List<PlanSlot> sessions, List<Integer> positions, double cost, boolean complete,
            PlanStrategy strategy, int daysBeyondMaximum) {

        /** Day and therapist of each session: two plans with the same are the same plan to a client. */
        List<String> key() {
            return sessions.stream().map(slot -> slot.date() + "@" + slot.therapistId()).toList();
        }
    }

    /** What one search found: its best complete series, best first, and its longest incomplete one. */
    record Result(List<Found> complete, @Nullable Found longestPartial) {
    }

    /** One session of a series: a new one (with its slot) or a kept one. */
    private record Step(LocalDateTime startsAt, @Nullable String therapistId, @Nullable PlanSlot slot) {

        LocalDate date() {
            return startsAt.toLocalDate();
        }
    }

    private record State(List<Step> steps, int placed, int nextKept, double cost) {

        @Nullable
        Step last() {
            return steps.isEmpty() ? null : steps.get(steps.size() - 1);
        }

        /** Two states with one key lead to the same choices; the cheaper one is kept. */
        String key() {
            var last = last();
            return placed + "|" + nextKept + "|" + (last == null ? "" : last.date() + "|" + last.therapistId());
        }
    }

    private final Problem problem;
    private final PlanStrategy strategy;
    private final @Nullable String onlyTherapistId;
    private final long[] fixedHighLoadMinutes;
    private final Map<LocalDate, Map<String, List<PlanSlot>>> rankedSlots = new HashMap<>();

    /** @param onlyTherapistId every new session with this therapist; null for any */
    PlanSearch(Problem problem, PlanStrategy strategy, @Nullable String onlyTherapistId) {
        this.problem = problem;
        this.strategy = strategy;
        this.onlyTherapistId = onlyTherapistId;
        var fixed = new ArrayList<LocalDateTime>(problem.otherHighLoadStarts());
        if (problem.highLoad()) {
            problem.kept().forEach(kept -> fixed.add(kept.startsAt()));
        }
        this.fixedHighLoadMinutes = fixed.stream().mapToLong(PlanSlot::minuteOf).sorted().toArray();
    }

    /** @param wanted how many complete series to keep, best first */
    Result run(int wanted) {
        var keptBefore = (int) problem.kept().stream()
                .filter(kept -> kept.startsAt().toLocalDate().isBefore(problem.firstDay())).count();
        var steps = problem.kept().subList(0, keptBefore).stream()
                .map(kept -> new Step(kept.startsAt(), kept.therapistId(), null)).toList();
        var frontier = List.of(new State(steps, 0, keptBefore, 0));
        var complete = new ArrayList<Found>();
        State longest = null;
        while (!frontier.isEmpty()) {
            var children = new LinkedHashMap<String, State>();
            for (var state : frontier) {
                if (state.placed() == problem.sessionsToPlace()) {
                    complete.add(found(withRestOfKept(state), true));
                    continue;
                }
                for (var child : expand(state)) {
                    children.merge(child.key(), child, (one, other) -> one.cost() <= other.cost() ? one : other);
                }
            }
            frontier = children.values().stream().sorted(Comparator.comparingDouble(State::cost)).limit(BEAM_WIDTH)
                    .toList();
            for (var state : frontier) {
                if (state.placed() > 0 && (longest == null || state.placed() > longest.placed()
                        || state.placed() == longest.placed() && state.cost() < longest.cost())) {
                    longest = state;
                }
            }
        }
        complete.sort(Comparator.comparingDouble(Found::cost));
        return new Result(complete.stream().limit(wanted).toList(), longest == null ? null : found(longest, false));
    }

    private List<State> expand(State state) {
        var children = new ArrayList<State>();
        var last = state.last();
        var nextKept = state.nextKept() < problem.kept().size() ? problem.kept().get(state.nextKept()) : null;
        // A kept session further than the maximum from the one before comes next only when no new session is left
        // to fill the gap.
        if (nextKept != null && (last == null || !beyondMaximum(last.date(), nextKept.startsAt().toLocalDate()))) {
            children.add(append(state, new Step(nextKept.startsAt(), nextKept.therapistId(), null), 0, 1,
                    gapCost(last, nextKept.startsAt().toLocalDate()) + changeCost(last, nextKept.therapistId())));
        }
        var spacing = problem.spacing();
        var from = problem.firstDay();
        var to = problem.lastDay();
        if (last != null) {
            var earliest = last.date().plusDays(spacing.minDays());
            from = earliest.isAfter(from) ? earliest : from;
            var latest = last.date().plusDays(spacing.maxDays());
            // Kept sessions long ago (or a first day far off) leave no day within the maximum: the gap beyond it is
            // then the client's to accept, and costs.
            to = latest.isBefore(from) ? to : (latest.isBefore(to) ? latest : to);
        }
        if (nextKept != null) {
            var latest = nextKept.startsAt().toLocalDate().minusDays(spacing.minDays());
            to = latest.isBefore(to) ? latest : to;
        }
        if (from.isAfter(to)) {
            return children;
        }
        for (var day : problem.slotsByDay().subMap(from, true, to, true).keySet()) {
            var gapCost = gapCost(last, day);
            var waits = ChronoUnit.DAYS.between(problem.firstDay(), day);
            for (var therapistsSlots : ranked(day).values()) {
                // The therapist's cheapest place that day that keeps the rests: usually the first.
                for (var slot : therapistsSlots) {
                    if (fits(state, last, nextKept, slot)) {
                        var cost = slotCost(slot) + gapCost + changeCost(last, slot.therapistId())
                                + waits * strategy.perDayEachSessionWaits
                                + (state.placed() == 0 ? waits * strategy.perDayFirstSessionWaits : 0);
                        children.add(append(state, new Step(slot.startsAt(), slot.therapistId(), slot), 1, 0, cost));
                        break;
                    }
                }
            }
        }
        return children;
    }

    private boolean fits(State state, @Nullable Step last, @Nullable Kept nextKept, PlanSlot slot) {
        if (last != null && slot.startsAt().isBefore(last.startsAt().plusMinutes(problem.durationMinutes()))) {
            return false;
        }
        if (nextKept != null && slot.endsAt().isAfter(nextKept.startsAt())) {
            return false;
        }
        if (!problem.highLoad()) {
            return true;
        }
        var start = slot.startMinute();
        var rest = problem.restMinutes();
        for (var step : state.steps()) {
            if (step.slot() != null && Math.abs(step.slot().startMinute() - start) < rest) {
                return false;
            }
        }
        // The nearest fixed high-load starts on either side are the only ones that can be too close.
        var index = Arrays.binarySearch(fixedHighLoadMinutes, start);
        if (index >= 0) {
            return false;
        }
        var after = -index - 1;
        return (after >= fixedHighLoadMinutes.length || fixedHighLoadMinutes[after] - start >= rest)
                && (after == 0 || start - fixedHighLoadMinutes[after - 1] >= rest);
    }

    /**
     * The day's slots by therapist (only the one searched for, when one is), each therapist's cheapest first under
     * this strategy, on their own (without what comes before).
     */
    private Map<String, List<PlanSlot>> ranked(LocalDate day) {
        return rankedSlots.computeIfAbsent(day, key -> problem.slotsByDay().get(key).stream()
                .filter(slot -> onlyTherapistId == null || onlyTherapistId.equals(slot.therapistId()))
                .sorted(Comparator.comparingDouble(this::slotCost).thenComparing(PlanSlot::startsAt))
                .collect(Collectors.groupingBy(PlanSlot::therapistId, TreeMap::new, Collectors.toList())));
    }

    private double slotCost(PlanSlot slot) {
        var cost = problem.minutesFromPreferredTime().applyAsInt(slot.startsAt())
                * strategy.perMinuteFromPreferredTime - slot.softScoreDiff() * strategy.perSoftPoint;
        if (problem.preferredTherapistId() != null && !problem.preferredTherapistId().equals(slot.therapistId())) {
            cost += slot.durationMinutes() * strategy.perMinuteNotPreferredTherapist;
        }
        return cost;
    }

    private double gapCost(@Nullable Step last, LocalDate day) {
        if (last == null) {
            return 0;
        }
        var gap = (int) ChronoUnit.DAYS.between(last.date(), day);
        var spacing = problem.spacing();
        return spacing.daysOffIdeal(gap) * strategy.perDayOffIdeal
                + Math.max(0, gap - spacing.maxDays()) * PER_DAY_BEYOND_MAXIMUM;
    }

    private boolean beyondMaximum(LocalDate earlier, LocalDate later) {
        return ChronoUnit.DAYS.between(earlier, later) > problem.spacing().maxDays();
    }

    private double changeCost(@Nullable Step last, @Nullable String therapistId) {
        return last == null || last.therapistId() == null || Objects.equals(last.therapistId(), therapistId) ? 0
                : strategy.perTherapistChange;
    }

    private static State append(State state, Step step, int placed, int kept, double cost) {
        var steps = new ArrayList<>(state.steps());
        steps.add(step);
        return new State(steps, state.placed() + placed, state.nextKept() + kept, state.cost() + cost);
    }

    /** With every new session placed, the kept sessions after the last one follow, with what their gaps cost. */
    private State withRestOfKept(State state) {
        var result = state;
        while (result.nextKept() < problem.kept().size()) {
            var kept = problem.kept().get(result.nextKept());
            result = append(result, new Step(kept.startsAt(), kept.therapistId(), null), 0, 1,
                    gapCost(result.last(), kept.startsAt().toLocalDate()));
        }
        return result;
    }

    private Found found(State state, boolean complete) {
        var sessions = new ArrayList<PlanSlot>();
        var positions = new ArrayList<Integer>();
        for (var index = 0; index < state.steps().size(); index++) {
            var slot = state.steps().get(index).slot();
            if (slot != null) {
                sessions.add(slot);
                positions.add(index);
            }
        }
        var beyond = 0;
        for (var index = 1; index < state.steps().size(); index++) {
            beyond += Math.max(0, ChronoUnit.DAYS.between(state.steps().get(index - 1).date(),
                    state.steps().get(index).date()) - problem.spacing().maxDays());
        }
        return new Found(sessions, positions, state.cost(), complete, strategy, beyond);
    }
}
