package org.spascheduler.schedule.api;

import java.time.LocalDateTime;

public record ScheduledSessionView(String sessionId, String client, String treatment, int durationMinutes,
        String therapist, String room, LocalDateTime start, LocalDateTime end, String state, String carePlan) {
}
