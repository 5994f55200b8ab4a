package org.spascheduler.planning;

import java.time.LocalDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.spascheduler.client.StoredClient;
import org.spascheduler.schedule.domain.Appointment;
import org.spascheduler.schedule.domain.Room;
import org.spascheduler.schedule.domain.SpaSchedule;
import org.spascheduler.schedule.domain.Therapist;
import org.spascheduler.schedule.domain.TimeSlot;

/** For tests: what {@link PlanningWeeks} and {@link ScoredWeek} do inside, on weeks a test makes itself. */
public final class PlanningTestSupport {

    private PlanningTestSupport() {
    }

    /** A new session for a week's schedule, not added to it, as {@link ScoredWeek#newSession} makes one. */
    public static Appointment newSession(SpaSchedule schedule, String id, StoredClient client, String treatmentId,
            int durationMinutes, LocalDateTime windowStart, LocalDateTime windowEnd) {
        return WeekMapper.newSession(schedule, id, client, treatmentId, durationMinutes, windowStart, windowEnd);
    }

    /** The first room free for the session at that therapist and start, as slot options choose it. */
    public static @Nullable Room firstFreeRoom(SpaSchedule schedule, Appointment session, Therapist therapist,
            TimeSlot start) {
        return new SlotOptionFilter(schedule).firstFreeRoom(session, therapist, start);
    }

    /** With each constraint at its own weight. */
    public static SpaSchedule solution(StoredWeek week) {
        return WeekMapper.toSchedule(week, Map.of());
    }
}
