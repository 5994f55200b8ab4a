package org.spascheduler.schedule.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Describe;
import org.spascheduler.schedule.domain.Therapist;

/**
 * One therapist's sessions on one calendar day, in start order: what the break, cap and compact-day rules (6, 7, 16)
 * look at. A day holds a handful of sessions, so walking it is cheaper than joining sessions pairwise; it is walked
 * once, when the day changes, and five constraints read the results.
 */
public final class TherapistDay {

    private static final Comparator<Appointment> BY_START = Comparator.comparingInt(Appointment::getStartMinute)
            .thenComparing(Appointment::getId);

    private final Therapist therapist;
    private final List<Appointment> sessions;
    private final int handsOnMinutes;
    private final int highLoadSessions;
    private final int minutesBeyondRunLimit;
    private final int minutesBeyondLongDayWithoutBreak;
    private final int shortIdleMinutes;
    private final int firstStart;
    private final int lastEnd;

    private TherapistDay(Therapist therapist, List<Appointment> sessions) {
        this.therapist = therapist;
        this.sessions = sessions;
        var rules = therapist.workRules();
        var handsOn = 0;
        var highLoad = 0;
        var beyondRunLimit = 0;
        var idle = 0;
        var hasBreak = false;
        var runMinutes = 0;
        var previousEnd = Integer.MIN_VALUE;
        for (var session : sessions) {
            handsOn += session.getDurationMinutes();
            if (session.isHighLoad()) {
                highLoad++;
            }
            if (previousEnd != Integer.MIN_VALUE) {
                var gap = session.getStartMinute() - previousEnd;
                if (gap >= rules.breakMinutes()) {
                    hasBreak = true;
                    beyondRunLimit += Math.max(0, runMinutes - rules.maxRunMinutes());
                    runMinutes = 0;
                }
                var idleMinutes = gap - therapist.changeoverMinutes();
                if (idleMinutes > 0 && gap < rules.compactGapMinutes()) {
                    idle += idleMinutes;
                }
            }
            runMinutes += session.getDurationMinutes();
            previousEnd = Math.max(previousEnd, session.getEndMinute());
        }
        this.handsOnMinutes = handsOn;
        this.highLoadSessions = highLoad;
        this.minutesBeyondRunLimit = beyondRunLimit + Math.max(0, runMinutes - rules.maxRunMinutes());
        this.shortIdleMinutes = idle;
        this.firstStart = sessions.get(0).getStartMinute();
        this.lastEnd = previousEnd;
        var span = lastEnd - firstStart;
        this.minutesBeyondLongDayWithoutBreak = span > rules.longDayMinutes() && !hasBreak
                ? span - rules.longDayMinutes() : 0;
    }

    public static TherapistDay of(Therapist therapist, List<Appointment> sessions) {
        var sorted = new ArrayList<>(sessions);
        sorted.sort(BY_START);
        return new TherapistDay(therapist, sorted);
    }

    public Therapist therapist() {
        return therapist;
    }

    public List<Appointment> sessions() {
        return sessions;
    }

    public LocalDate date() {
        return sessions.get(0).getStart().dateTime().toLocalDate();
    }

    public int handsOnMinutes() {
        return handsOnMinutes;
    }

    public int highLoadSessions() {
        return highLoadSessions;
    }

    /** Session minutes beyond the run limit, summed over the day's runs. */
    public int minutesBeyondRunLimit() {
        return minutesBeyondRunLimit;
    }

    /** How far the day spans beyond the long-day limit when it has no break at all; 0 when short or with a break. */
    public int minutesBeyondLongDayWithoutBreak() {
        return minutesBeyondLongDayWithoutBreak;
    }

    /** Idle minutes in gaps between sessions that are longer than the changeover but shorter than an hour. */
    public int shortIdleMinutes() {
        return shortIdleMinutes;
    }

    /** "Anna on Tue 3 Dec 10:00-17:30". */
    public String describe() {
        var first = sessions.get(0);
        return "%s on %s-%s".formatted(therapist.name(), Describe.time(first.getStart()),
                Describe.clock(first.getStart(), lastEnd - firstStart));
    }
}
