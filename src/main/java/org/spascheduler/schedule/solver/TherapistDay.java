package org.spascheduler.schedule.solver;

import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.Comparator;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Describe;
import org.spascheduler.schedule.domain.Therapist;

/**
 * One therapist's sessions on one calendar day, in start order: what the break, cap and compact-day rules (6, 7, 16)
 * look at. A day holds a handful of sessions, so walking it is cheaper than joining sessions pairwise.
 */
public record TherapistDay(Therapist therapist, List<Appointment> sessions) {

    /** Gaps shorter than this join sessions into one run; a gap this long is a break (rule 6). */
    public static final int BREAK_MINUTES = 30;
    /** Most session minutes in one run (rule 6). */
    public static final int MAX_RUN_MINUTES = 180;
    /** A day spanning longer than this needs a break (rule 6). */
    public static final int LONG_DAY_MINUTES = 6 * 60;
    /** Idle gaps shorter than this make a day less compact (rule 16). */
    public static final int COMPACT_GAP_MINUTES = 60;

    private static final Comparator<Appointment> BY_START = Comparator.comparingInt(Appointment::getStartMinute)
            .thenComparing(Appointment::getId);

    public static TherapistDay of(Therapist therapist, List<Appointment> sessions) {
        var sorted = new ArrayList<>(sessions);
        sorted.sort(BY_START);
        return new TherapistDay(therapist, sorted);
    }

    public LocalDate date() {
        return sessions.get(0).getStart().dateTime().toLocalDate();
    }

    public int handsOnMinutes() {
        return sessions.stream().mapToInt(Appointment::getDurationMinutes).sum();
    }

    public int highLoadSessions() {
        return (int) sessions.stream().filter(Appointment::isHighLoad).count();
    }

    /** Session minutes beyond the run limit, summed over the day's runs. */
    public int minutesBeyondRunLimit() {
        var excess = 0;
        var runMinutes = 0;
        var runEnd = Integer.MIN_VALUE;
        for (var session : sessions) {
            if (session.getStartMinute() - runEnd >= BREAK_MINUTES) {
                excess += Math.max(0, runMinutes - MAX_RUN_MINUTES);
                runMinutes = 0;
            }
            runMinutes += session.getDurationMinutes();
            runEnd = Math.max(runEnd, session.getEndMinute());
        }
        return excess + Math.max(0, runMinutes - MAX_RUN_MINUTES);
    }

    /** How far the day spans beyond 6 hours when it has no break at all; 0 when it is short or has a break. */
    public int minutesBeyondLongDayWithoutBreak() {
        var span = lastEnd() - sessions.get(0).getStartMinute();
        if (span <= LONG_DAY_MINUTES || hasBreak()) {
            return 0;
        }
        return span - LONG_DAY_MINUTES;
    }

    /** Idle minutes in gaps between sessions that are longer than the changeover but shorter than an hour. */
    public int shortIdleMinutes() {
        var idle = 0;
        var previousEnd = Integer.MIN_VALUE;
        for (var session : sessions) {
            if (previousEnd != Integer.MIN_VALUE) {
                var gap = session.getStartMinute() - previousEnd;
                var idleMinutes = gap - therapist.changeoverMinutes();
                if (idleMinutes > 0 && gap < COMPACT_GAP_MINUTES) {
                    idle += idleMinutes;
                }
            }
            previousEnd = Math.max(previousEnd, session.getEndMinute());
        }
        return idle;
    }

    private boolean hasBreak() {
        var previousEnd = Integer.MIN_VALUE;
        for (var session : sessions) {
            if (previousEnd != Integer.MIN_VALUE && session.getStartMinute() - previousEnd >= BREAK_MINUTES) {
                return true;
            }
            previousEnd = Math.max(previousEnd, session.getEndMinute());
        }
        return false;
    }

    private int lastEnd() {
        return sessions.stream().mapToInt(Appointment::getEndMinute).max().orElseThrow();
    }

    /** "Anna on Tue 3 Dec 10:00-17:30". */
    public String describe() {
        var first = sessions.get(0);
        return "%s on %s-%s".formatted(therapist.name(), Describe.time(first.getStart()),
                Describe.clock(first.getStart(), lastEnd() - first.getStartMinute()));
    }
}
