package org.spascheduler.schedule.domain;

/**
 * A half-open interval [start, end) in minutes counted from midnight on the Monday that starts the planning week.
 * Every time in the planning model is such a minute, so that comparing times costs an int comparison.
 */
public record WeekInterval(int start, int end) implements Comparable<WeekInterval> {

    public static final int MINUTES_PER_DAY = 24 * 60;

    public WeekInterval {
        if (end < start) {
            throw new IllegalArgumentException("A week interval ends (%d) before it starts (%d).".formatted(end, start));
        }
    }

    public int lengthMinutes() {
        return end - start;
    }

    public boolean contains(int otherStart, int otherEnd) {
        return start <= otherStart && otherEnd <= end;
    }

    public int overlapMinutes(int otherStart, int otherEnd) {
        return Math.max(0, Math.min(end, otherEnd) - Math.max(start, otherStart));
    }

    /** Minutes from the given instant to this interval, 0 inside it or on its end. */
    public int distanceMinutes(int minute) {
        if (minute < start) {
            return start - minute;
        }
        return Math.max(0, minute - end);
    }

    @Override
    public int compareTo(WeekInterval other) {
        return start != other.start ? Integer.compare(start, other.start) : Integer.compare(end, other.end);
    }
}
