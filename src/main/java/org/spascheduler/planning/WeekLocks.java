package org.spascheduler.planning;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * One change to a week at a time: an event, a repair or a booking reads the week, decides and writes, and the next
 * one starts from what it wrote. So two desks acting at once never lose each other's change; the second one sees the
 * first one's result (and gets 409 when its own change no longer makes sense).
 */
public interface WeekLocks {

    /** Runs the action holding the week's lock, waiting for it as long as it takes. */
    <T> T withWeek(LocalDate weekStart, Supplier<T> action);
}
