package org.spascheduler.carejourney;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One place a session of a care plan could go: in its week it breaks no hard rule on its own (tried in the week's
 * kept score director), and it costs the week {@code softScoreDiff}. Names only the therapist and the room: nothing of
 * whoever else is booked that day.
 */
record PlanSlot(LocalDateTime startsAt, int durationMinutes, String therapistId, String therapistName, String roomId,
        String roomName, long softScoreDiff) {

    LocalDate date() {
        return startsAt.toLocalDate();
    }

    LocalDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }

    /** Wall-clock minutes on one continuous count, for rests measured across weeks. */
    long startMinute() {
        return minuteOf(startsAt);
    }

    static long minuteOf(LocalDateTime moment) {
        return moment.toEpochSecond(ZoneOffset.UTC) / 60;
    }
}
