package org.spascheduler.schedule.domain;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How justifications name times, so that every sentence reads the same way. */
public final class Describe {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Describe() {
    }

    /** "Tue 3 Dec 10:00-11:00". */
    public static String time(TimeSlot start, int durationMinutes) {
        return DAY_AND_TIME.format(start.dateTime()) + "-" + TIME.format(start.dateTime().plusMinutes(durationMinutes));
    }

    /** "11:00": the wall-clock time some minutes after a start. */
    public static String clock(TimeSlot start, int minutesLater) {
        return TIME.format(start.dateTime().plusMinutes(minutesLater));
    }

    /** "Tue 3 Dec 10:00". */
    public static String time(TimeSlot start) {
        return time(start.dateTime());
    }

    /** "Tue 3 Dec 10:00". */
    public static String time(LocalDateTime dateTime) {
        return DAY_AND_TIME.format(dateTime);
    }
}
