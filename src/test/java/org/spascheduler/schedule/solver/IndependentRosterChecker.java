package org.spascheduler.schedule.solver;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.WeekInterval;

/**
 * A second opinion on the hard rules (shared/DOMAIN.md, rules 1-9), written straight from the rule text with plain
 * interval arithmetic: no constraint streams, no Timefold scoring, no code shared with {@link SpaConstraintProvider}.
 * It walks a roster and lists every broken hard rule; a roster is publishable when the list is empty.
 * <p>
 * Only sessions with a start are placed; their therapist and room are then set. Rule 9 also looks at pinned sessions
 * that lost their start.
 */
final class IndependentRosterChecker {

    /** A broken hard rule: its number in DOMAIN.md, the sessions involved and what is wrong, in words. */
    record Violation(int rule, List<String> sessionIds, String message) {

        @Override
        public String toString() {
            return "Rule " + rule + " " + sessionIds + ": " + message;
        }
    }

    static final int MINUTES_PER_DAY = 24 * 60;

    private static final Comparator<Appointment> BY_START = Comparator
            .comparingInt((Appointment appointment) -> appointment.getStart().minuteOfWeek())
            .thenComparing(Appointment::getId);

    private final SpaSchedule schedule;
    private final List<Appointment> placed;
    private final List<Violation> violations = new ArrayList<>();

    private IndependentRosterChecker(SpaSchedule schedule) {
        this.schedule = schedule;
        this.placed = schedule.getAppointments().stream()
                .filter(appointment -> appointment.getStart() != null)
                .sorted(BY_START)
                .toList();
    }

    static IndependentRosterChecker of(SpaSchedule schedule) {
        var checker = new IndependentRosterChecker(schedule);
        checker.check();
        return checker;
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    // ************************************************************************
    // The rules
    // ************************************************************************

    private void check() {
        for (var session : placed) {
            checkSkill(session);
            checkPlacementInTime(session);
            checkRoomSuitability(session);
        }
        checkTherapistsNeverDoubleBooked();
        checkRoomsHostOneSessionAtATime();
        checkClientsInOneSessionAtATime();
        checkBreaksAndDailyCaps();
        checkCarePlanOrderAndSpacing();
        checkHighLoadRest();
        checkPinnedSessions();
    }

    /** Rule 1. */
    private void checkSkill(Appointment session) {
        var therapist = session.getTherapist();
        var skill = session.getTreatment().requiredSkill();
        if (therapist != null && !therapist.skills().contains(skill)) {
            report(1, "%s cannot give %s: lacks the %s skill.", therapist.name(), describe(session), skill)
                    .about(session);
        }
    }

    /** Rule 2: requested window, one (merged) shift, no time off, opening hours, booking grain. */
    private void checkPlacementInTime(Appointment session) {
        var start = start(session);
        var end = end(session);
        var window = session.getRequestedWindow();
        if (start < window.start() || end > window.end()) {
            report(2, "%s lies outside its requested window %s.", describe(session), describe(window))
                    .about(session);
        }
        var therapist = session.getTherapist();
        if (therapist != null) {
            if (!insideOne(mergeTouching(therapist.shifts()), start, end)) {
                report(2, "%s is not inside one of %s's shifts.", describe(session), therapist.name()).about(session);
            }
            for (var off : therapist.timeOff()) {
                if (overlaps(off.start(), off.end(), start, end)) {
                    report(2, "%s overlaps %s's time off %s.", describe(session), therapist.name(), describe(off))
                            .about(session);
                }
            }
        }
        if (!insideOne(mergeTouching(schedule.getSettings().openingHours()), start, end)) {
            report(2, "%s is not inside the opening hours.", describe(session)).about(session);
        }
        var grain = schedule.getSettings().grainMinutes();
        var minuteOfDay = start - day(session) * MINUTES_PER_DAY;
        if (minuteOfDay % grain != 0) {
            report(2, "%s does not start on the %d-minute booking grain.", describe(session), grain).about(session);
        }
    }

    /** Rule 4: features and out-of-service periods. */
    private void checkRoomSuitability(Appointment session) {
        var room = session.getRoom();
        if (room == null) {
            return;
        }
        for (var feature : session.getTreatment().requiredRoomFeatures()) {
            if (!room.features().contains(feature)) {
                report(4, "%s has no %s, which %s needs.", room.name(), feature, describe(session)).about(session);
            }
        }
        for (var repair : room.outOfService()) {
            if (overlaps(repair.start(), repair.end(), start(session), end(session))) {
                report(4, "%s is out of service %s, during %s.", room.name(), describe(repair), describe(session))
                        .about(session);
            }
        }
    }

    /** Rule 3: no overlap, and the therapist's changeover after the earlier session before the later one starts. */
    private void checkTherapistsNeverDoubleBooked() {
        forEachPairOf(placedBy(Appointment::getTherapist), (earlier, later) -> {
            var therapist = earlier.getTherapist();
            var freeAt = end(earlier) + therapist.changeoverMinutes();
            if (start(later) < freeAt) {
                report(3, "%s has %s and then %s, before the %d-minute changeover after the first is over.",
                        therapist.name(), describe(earlier), describe(later), therapist.changeoverMinutes())
                        .about(earlier, later);
            }
        });
    }

    /** Rule 4: one session at a time, and the earlier session's treatment turnover before the later one starts. */
    private void checkRoomsHostOneSessionAtATime() {
        forEachPairOf(placedBy(Appointment::getRoom), (earlier, later) -> {
            var turnover = earlier.getTreatment().turnoverMinutes();
            if (start(later) < end(earlier) + turnover) {
                report(4, "%s hosts %s and then %s, before the %d-minute turnover after the first is over.",
                        earlier.getRoom().name(), describe(earlier), describe(later), turnover)
                        .about(earlier, later);
            }
        });
    }

    /** Rule 5. */
    private void checkClientsInOneSessionAtATime() {
        forEachPairOf(placedBy(Appointment::getClient), (earlier, later) -> {
            if (start(later) < end(earlier)) {
                report(5, "%s is in %s and %s at once.", earlier.getClient().name(), describe(earlier),
                        describe(later)).about(earlier, later);
            }
        });
    }

    /** Rules 6 and 7, per therapist per calendar day. */
    private void checkBreaksAndDailyCaps() {
        var days = new LinkedHashMap<String, List<Appointment>>();
        for (var session : placed) {
            if (session.getTherapist() != null) {
                days.computeIfAbsent(session.getTherapist().id() + "@" + day(session), key -> new ArrayList<>())
                        .add(session);
            }
        }
        for (var sessions : days.values()) {
            var therapist = sessions.get(0).getTherapist();
            checkRuns(therapist, sessions);
            checkLongDay(therapist, sessions);
            checkDailyCaps(therapist, sessions);
        }
    }

    /**
     * Rule 6: sessions less than 30 minutes apart form a run of at most 180 session minutes (the therapist's work
     * rules, DOMAIN.md's numbers by default).
     */
    private void checkRuns(Therapist therapist, List<Appointment> dayInStartOrder) {
        var run = new ArrayList<Appointment>();
        var runEnd = 0;
        for (var session : dayInStartOrder) {
            if (!run.isEmpty() && start(session) - runEnd >= therapist.workRules().breakMinutes()) {
                checkRun(therapist, run);
                run.clear();
            }
            runEnd = run.isEmpty() ? end(session) : Math.max(runEnd, end(session));
            run.add(session);
        }
        checkRun(therapist, run);
    }

    private void checkRun(Therapist therapist, List<Appointment> run) {
        var sessionMinutes = run.stream().mapToInt(Appointment::getDurationMinutes).sum();
        var rules = therapist.workRules();
        if (sessionMinutes > rules.maxRunMinutes()) {
            report(6, "%s works %d session minutes from %s without a %d-minute break (at most %d).",
                    therapist.name(), sessionMinutes, describeStart(run.get(0)), rules.breakMinutes(),
                    rules.maxRunMinutes()).about(run.toArray(Appointment[]::new));
        }
    }

    /** Rule 6: a day spanning more than 6 hours from first start to last end has a gap of 30 minutes or more. */
    private void checkLongDay(Therapist therapist, List<Appointment> dayInStartOrder) {
        var firstStart = start(dayInStartOrder.get(0));
        var lastEnd = dayInStartOrder.stream().mapToInt(IndependentRosterChecker::end).max().orElseThrow();
        var rules = therapist.workRules();
        if (lastEnd - firstStart <= rules.longDayMinutes()) {
            return;
        }
        var endSoFar = end(dayInStartOrder.get(0));
        for (var session : dayInStartOrder.subList(1, dayInStartOrder.size())) {
            if (start(session) - endSoFar >= rules.breakMinutes()) {
                return;
            }
            endSoFar = Math.max(endSoFar, end(session));
        }
        report(6, "%s's day from %s spans %d minutes without a %d-minute gap between sessions.", therapist.name(),
                describeStart(dayInStartOrder.get(0)), lastEnd - firstStart, rules.breakMinutes())
                .about(dayInStartOrder.toArray(Appointment[]::new));
    }

    /** Rule 7. */
    private void checkDailyCaps(Therapist therapist, List<Appointment> day) {
        var handsOn = day.stream().mapToInt(Appointment::getDurationMinutes).sum();
        if (handsOn > therapist.maxHandsOnMinutesPerDay()) {
            report(7, "%s has %d hands-on minutes on the day of %s, over the cap of %d.", therapist.name(), handsOn,
                    describeStart(day.get(0)), therapist.maxHandsOnMinutesPerDay())
                    .about(day.toArray(Appointment[]::new));
        }
        var highLoad = day.stream().filter(session -> session.getTreatment().isHighLoad()).toList();
        if (highLoad.size() > therapist.maxHighLoadSessionsPerDay()) {
            report(7, "%s has %d high-load sessions on the day of %s, over the cap of %d.", therapist.name(),
                    highLoad.size(), describeStart(day.get(0)), therapist.maxHighLoadSessionsPerDay())
                    .about(highLoad.toArray(Appointment[]::new));
        }
    }

    /** Rule 8: session i + 1 of a care plan does not start before session i and is at least min days after it. */
    private void checkCarePlanOrderAndSpacing() {
        var plans = new LinkedHashMap<String, Map<Integer, Appointment>>();
        for (var session : placed) {
            if (session.getCarePlan() != null) {
                plans.computeIfAbsent(session.getCarePlan().id(), id -> new TreeMap<>())
                        .put(session.getSeriesIndex(), session);
            }
        }
        for (var series : plans.values()) {
            for (var earlier : series.values()) {
                var later = series.get(earlier.getSeriesIndex() + 1);
                if (later == null) {
                    continue;
                }
                var plan = earlier.getCarePlan();
                if (start(later) < start(earlier)) {
                    report(8, "Session %d of the %s (%s) comes before session %d (%s).",
                            later.getSeriesIndex() + 1, plan, describe(later), earlier.getSeriesIndex() + 1,
                            describe(earlier)).about(earlier, later);
                    continue;
                }
                var daysApart = ChronoUnit.DAYS.between(earlier.getStart().dateTime().toLocalDate(),
                        later.getStart().dateTime().toLocalDate());
                if (daysApart < plan.spacing().minDays()) {
                    report(8, "Sessions %d and %d of the %s are %d days apart, less than the minimum %d.",
                            earlier.getSeriesIndex() + 1, later.getSeriesIndex() + 1, plan, daysApart,
                            plan.spacing().minDays()).about(earlier, later);
                }
            }
        }
    }

    /** Rule 8: two high-load sessions of one client start at least 48 hours apart. */
    private void checkHighLoadRest() {
        var highLoad = placed.stream().filter(session -> session.getTreatment().isHighLoad()).toList();
        forEachPairOf(group(highLoad, session -> session.getClient().id()), (earlier, later) -> {
            var minutesApart = start(later) - start(earlier);
            if (minutesApart < schedule.getSettings().highLoadRestMinutes()) {
                report(8, "%s's high-load sessions %s and %s start %d h %02d min apart, less than 48 hours.",
                        earlier.getClient().name(), describe(earlier), describe(later), minutesApart / 60,
                        minutesApart % 60).about(earlier, later);
            }
        });
    }

    /** Rule 9: a pinned session keeps the therapist, room and start it was published with. */
    private void checkPinnedSessions() {
        for (var session : schedule.getAppointments()) {
            var published = session.getPublishedAssignment();
            if (!session.isPinned() || published == null) {
                continue;
            }
            if (session.getStart() == null || session.getTherapist() == null || session.getRoom() == null) {
                report(9, "%s is %s and pinned, but is no longer placed.", session.getId(),
                        session.getState().name().toLowerCase()).about(session);
                continue;
            }
            var changes = new ArrayList<String>();
            if (start(session) != published.startMinute()) {
                changes.add("start " + schedule.getSettings().describe(published.startMinute()) + " -> "
                        + describeStart(session));
            }
            if (!session.getTherapist().id().equals(published.therapistId())) {
                changes.add("therapist " + published.therapistId() + " -> " + session.getTherapist().id());
            }
            if (!session.getRoom().id().equals(published.roomId())) {
                changes.add("room " + published.roomId() + " -> " + session.getRoom().id());
            }
            if (!changes.isEmpty()) {
                report(9, "%s is %s and pinned, but changed: %s.", describe(session),
                        session.getState().name().toLowerCase(), String.join(", ", changes)).about(session);
            }
        }
    }

    // ************************************************************************
    // Plain interval arithmetic
    // ************************************************************************

    private static int start(Appointment session) {
        return session.getStart().minuteOfWeek();
    }

    private static int end(Appointment session) {
        return start(session) + session.getDurationMinutes();
    }

    /** 0 for the week's Monday. */
    private static int day(Appointment session) {
        return Math.floorDiv(start(session), MINUTES_PER_DAY);
    }

    private static boolean overlaps(int start, int end, int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    private static boolean insideOne(List<WeekInterval> intervals, int start, int end) {
        return intervals.stream().anyMatch(interval -> interval.start() <= start && end <= interval.end());
    }

    /** Intervals that overlap or touch become one: two shifts 10:00-14:00 and 14:00-18:00 are one shift. */
    static List<WeekInterval> mergeTouching(List<WeekInterval> intervals) {
        var sorted = intervals.stream().sorted(Comparator.comparingInt(WeekInterval::start)).toList();
        var merged = new ArrayList<WeekInterval>();
        for (var interval : sorted) {
            var last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval.start() <= last.end()) {
                merged.set(merged.size() - 1, new WeekInterval(last.start(), Math.max(last.end(), interval.end())));
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private <K> Map<K, List<Appointment>> placedBy(Function<Appointment, K> key) {
        return group(placed, key);
    }

    /** Groups in start order, skipping sessions without the key (a therapist or room not set). */
    private static <K> Map<K, List<Appointment>> group(List<Appointment> sessions, Function<Appointment, K> key) {
        var groups = new LinkedHashMap<K, List<Appointment>>();
        for (var session : sessions) {
            var value = key.apply(session);
            if (value != null) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(session);
            }
        }
        return groups;
    }

    /** Every pair of sessions in one group, the earlier (by start, then id) first. */
    private static <K> void forEachPairOf(Map<K, List<Appointment>> groups, PairCheck check) {
        for (var sessions : groups.values()) {
            for (var i = 0; i < sessions.size(); i++) {
                for (var j = i + 1; j < sessions.size(); j++) {
                    check.check(sessions.get(i), sessions.get(j));
                }
            }
        }
    }

    @FunctionalInterface
    private interface PairCheck {
        void check(Appointment earlier, Appointment later);
    }

    // ************************************************************************
    // Reporting
    // ************************************************************************

    private String describe(Appointment session) {
        var settings = schedule.getSettings();
        return "%s (%s, %d-min %s, %s-%s)".formatted(session.getId(), session.getClient().name(),
                session.getDurationMinutes(), session.getTreatment().name(), settings.describe(start(session)),
                settings.dateTimeOf(end(session)).toLocalTime());
    }

    private String describeStart(Appointment session) {
        return schedule.getSettings().describe(start(session));
    }

    private String describe(WeekInterval interval) {
        var settings = schedule.getSettings();
        return settings.describe(interval.start()) + " to " + settings.describe(interval.end());
    }

    private PendingViolation report(int rule, String format, Object... arguments) {
        return new PendingViolation(rule, format.formatted(arguments));
    }

    private final class PendingViolation {

        private final int rule;
        private final String message;

        private PendingViolation(int rule, String message) {
            this.rule = rule;
            this.message = message;
        }

        void about(Appointment... sessions) {
            violations.add(new Violation(rule, Arrays.stream(sessions).map(Appointment::getId).toList(), message));
        }
    }
}
