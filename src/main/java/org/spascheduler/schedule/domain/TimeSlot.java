package org.spascheduler.schedule.domain;

import java.time.LocalDateTime;

/**
 * A possible start of a session: one value of the start-time planning variable. The week's slots are created once and
 * shared by every appointment whose requested window contains them.
 */
public record TimeSlot(int minuteOfWeek, LocalDateTime dateTime) implements Comparable<TimeSlot> {

    /** 0 for the week's Monday, 6 for its Sunday. */
    public int dayOfWeek() {
        return Math.floorDiv(minuteOfWeek, WeekInterval.MINUTES_PER_DAY);
    }

    @Override
    public int compareTo(TimeSlot other) {
        return Integer.compare(minuteOfWeek, other.minuteOfWeek);
    }

    @Override
    public String toString() {
        return dateTime.toString();
    }
}
