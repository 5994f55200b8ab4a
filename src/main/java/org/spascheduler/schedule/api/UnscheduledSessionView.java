package org.spascheduler.schedule.api;

import java.time.LocalDateTime;

public record UnscheduledSessionView(String sessionId, String client, String treatment, int durationMinutes,
        LocalDateTime requestedFrom, LocalDateTime requestedUntil, String priority) {
}
