package org.spascheduler.schedule.domain;

/** What a client was told about a session: therapist, room and start, as published. */
public record PublishedAssignment(String therapistId, String roomId, int startMinute) {
}
