package org.spascheduler.schedule.solver;

import java.time.LocalDateTime;
import java.util.ArrayList;

import org.jspecify.annotations.Nullable;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Describe;
import org.spascheduler.schedule.domain.WeekInterval;

/** How a session differs from what was published for it (rules 9 and 17). */
record PublishedChange(boolean unscheduled, boolean therapistChanged, boolean roomChanged, boolean dayChanged,
        int minutesMoved, @Nullable LocalDateTime previousStart) {
    /** What losing a promised session altogether counts as, in minutes moved. */
    private static final int UNSCHEDULED_MINUTES = WeekInterval.MINUTES_PER_DAY;

    /** Only for sessions with a published assignment. */
    static PublishedChange of(Appointment appointment) {
        var published = appointment.getPublishedAssignment();
        if (!appointment.isScheduled()) {
            return new PublishedChange(true, false, false, true, UNSCHEDULED_MINUTES, null);
        }
        var start = appointment.getStart();
        var minutesMoved = Math.abs(start.minuteOfWeek() - published.startMinute());
        var previousStart = start.dateTime().plusMinutes(published.startMinute() - start.minuteOfWeek());
        return new PublishedChange(false,
                !appointment.getTherapist().id().equals(published.therapistId()),
                !appointment.getRoom().id().equals(published.roomId()),
                !previousStart.toLocalDate().equals(start.dateTime().toLocalDate()),
                minutesMoved, previousStart);
    }

    boolean isChanged() {
        return unscheduled || therapistChanged || roomChanged || minutesMoved != 0;
    }

    /** "moved from Tue 3 Dec 10:00, changed therapist". */
    String describe() {
        if (unscheduled) {
            return "is no longer scheduled";
        }
        var parts = new ArrayList<String>();
        if (minutesMoved != 0) {
            parts.add("moved from " + Describe.time(previousStart));
        }
        if (therapistChanged) {
            parts.add("changed therapist");
        }
        if (roomChanged) {
            parts.add("changed room");
        }
        return String.join(", ", parts);
    }
}
