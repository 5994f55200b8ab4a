package org.spascheduler.schedule.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A therapist as the solver sees one week of them. Immutable; a class rather than a record only so that it can keep
 * its available minutes, which fair workload (rule 15) reads on every move. Equal by id: it is a hash key in the score
 * calculation, where hashing every shift would cost.
 *
 * @param shifts this week's shifts; shifts that touch are merged into one
 * @param timeOff dated time off (leave, appointments, sick hours) inside this week
 * @param changeoverMinutes the therapist's own time between two sessions (notes, linen, hand wash)
 * @param ratherNotWork times the therapist would rather not work (rule 18), e.g. Saturday evenings
 * @param workRules breaks and pacing of the therapist's day (rules 6 and 16), the spa's unless set for them
 */
public final class Therapist {

    public static final int DEFAULT_CHANGEOVER_MINUTES = 10;
    public static final int DEFAULT_MAX_HANDS_ON_MINUTES_PER_DAY = 360;
    public static final int DEFAULT_MAX_HIGH_LOAD_SESSIONS_PER_DAY = 4;

    private final String id;
    private final String name;
    private final Set<String> skills;
    private final List<WeekInterval> shifts;
    private final List<WeekInterval> timeOff;
    private final int changeoverMinutes;
    private final int maxHandsOnMinutesPerDay;
    private final int maxHighLoadSessionsPerDay;
    private final List<WeekInterval> ratherNotWork;
    private final WorkRules workRules;
    private final int availableMinutes;

    /** A therapist under DOMAIN.md's default work rules. */
    public Therapist(String id, String name, Set<String> skills, List<WeekInterval> shifts,
            List<WeekInterval> timeOff, int changeoverMinutes, int maxHandsOnMinutesPerDay,
            int maxHighLoadSessionsPerDay, List<WeekInterval> ratherNotWork) {
        this(id, name, skills, shifts, timeOff, changeoverMinutes, maxHandsOnMinutesPerDay, maxHighLoadSessionsPerDay,
                ratherNotWork, WorkRules.DEFAULT);
    }

    public Therapist(String id, String name, Set<String> skills, List<WeekInterval> shifts,
            List<WeekInterval> timeOff, int changeoverMinutes, int maxHandsOnMinutesPerDay,
            int maxHighLoadSessionsPerDay, List<WeekInterval> ratherNotWork, WorkRules workRules) {
        if (changeoverMinutes < 0 || maxHandsOnMinutesPerDay < 0 || maxHighLoadSessionsPerDay < 0) {
            throw new IllegalArgumentException(
                    "The therapist (%s) has a negative changeover (%d) or cap (%d minutes, %d high-load sessions)."
                            .formatted(id, changeoverMinutes, maxHandsOnMinutesPerDay, maxHighLoadSessionsPerDay));
        }
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.skills = Set.copyOf(skills);
        this.shifts = WeekIntervals.merge(shifts);
        this.timeOff = WeekIntervals.merge(timeOff);
        this.changeoverMinutes = changeoverMinutes;
        this.maxHandsOnMinutesPerDay = maxHandsOnMinutesPerDay;
        this.maxHighLoadSessionsPerDay = maxHighLoadSessionsPerDay;
        this.ratherNotWork = WeekIntervals.merge(ratherNotWork);
        this.workRules = Objects.requireNonNull(workRules);
        this.availableMinutes = WeekIntervals.totalMinutes(WeekIntervals.subtract(this.shifts, this.timeOff));
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
        return availableMinutes;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<String> skills() {
        return skills;
    }

    public List<WeekInterval> shifts() {
        return shifts;
    }

    public List<WeekInterval> timeOff() {
        return timeOff;
    }

    public int changeoverMinutes() {
        return changeoverMinutes;
    }

    public int maxHandsOnMinutesPerDay() {
        return maxHandsOnMinutesPerDay;
    }

    public int maxHighLoadSessionsPerDay() {
        return maxHighLoadSessionsPerDay;
    }

    public List<WeekInterval> ratherNotWork() {
        return ratherNotWork;
    }

    public WorkRules workRules() {
        return workRules;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Therapist therapist && id.equals(therapist.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
