package org.spascheduler.schedule.domain;

import java.util.List;
import java.util.Set;

/**
 * A therapist as the solver sees one week of them.
 *
 * @param shifts this week's shifts; shifts that touch are merged into one
 * @param timeOff dated time off (leave, appointments, sick hours) inside this week
 * @param changeoverMinutes the therapist's own time between two sessions (notes, linen, hand wash)
 * @param ratherNotWork times the therapist would rather not work (rule 18), e.g. Saturday evenings
 */
public record Therapist(String id, String name, Set<String> skills, List<WeekInterval> shifts,
        List<WeekInterval> timeOff, int changeoverMinutes, int maxHandsOnMinutesPerDay, int maxHighLoadSessionsPerDay,
        List<WeekInterval> ratherNotWork) {

    public static final int DEFAULT_CHANGEOVER_MINUTES = 10;
    public static final int DEFAULT_MAX_HANDS_ON_MINUTES_PER_DAY = 360;
    public static final int DEFAULT_MAX_HIGH_LOAD_SESSIONS_PER_DAY = 4;

    public Therapist {
        skills = Set.copyOf(skills);
        shifts = WeekIntervals.merge(shifts);
        timeOff = WeekIntervals.merge(timeOff);
        ratherNotWork = WeekIntervals.merge(ratherNotWork);
        if (changeoverMinutes < 0 || maxHandsOnMinutesPerDay < 0 || maxHighLoadSessionsPerDay < 0) {
            throw new IllegalArgumentException(
                    "The therapist (%s) has a negative changeover (%d) or cap (%d minutes, %d high-load sessions)."
                            .formatted(id, changeoverMinutes, maxHandsOnMinutesPerDay, maxHighLoadSessionsPerDay));
        }
    }

    public boolean hasSkill(String skill) {
        return skills.contains(skill);
    }

    /** Whether [start, end) lies inside one shift and outside all time off. */
    public boolean isAvailable(int start, int end) {
        return WeekIntervals.anyContains(shifts, start, end) && WeekIntervals.overlapMinutes(timeOff, start, end) == 0;
    }

    public int minutesOutsideShifts(int start, int end) {
        return WeekIntervals.anyContains(shifts, start, end) ? 0 : WeekIntervals.minutesOutside(shifts, start, end);
    }

    public int minutesOfTimeOff(int start, int end) {
        return WeekIntervals.overlapMinutes(timeOff, start, end);
    }

    /** Shift minutes this week less time off: what fair workload is measured against. */
    public int availableMinutes() {
        return WeekIntervals.totalMinutes(WeekIntervals.subtract(shifts, timeOff));
    }

    @Override
    public String toString() {
        return name;
    }
}
