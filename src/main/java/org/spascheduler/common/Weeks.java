package org.spascheduler.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;

/** The week, Monday to Sunday, is the unit a roster is solved, listed and published in. */
public final class Weeks {

    public static final int DAYS_PER_WEEK = 7;

    private Weeks() {
    }

    /** The Monday of the week a moment lies in. */
    public static LocalDate weekStartOf(LocalDateTime moment) {
        if (!FieldChecks.isPlausible(moment)) {
            // Such a moment is refused by the records' rules; working out its week could overflow before that.
            return moment.toLocalDate();
        }
        return moment.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
