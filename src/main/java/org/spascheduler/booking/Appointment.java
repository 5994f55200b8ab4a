package org.spascheduler.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A session a client asked for, as stored: what, how long and when it may take place, where it stands, and once
 * placed its therapist, room and start. The published fields hold what the client was told.
 *
 * @param weekStart the Monday of the week its requested window lies in; a window lies in one week
 * @param released the front desk released this confirmed session, so the next solve may move it
 */
@Table("APPOINTMENT")
public record Appointment(@Id String id, String clientId, String treatmentId, int durationMinutes,
        LocalDateTime windowStart, LocalDateTime windowEnd, LocalDate weekStart, BookingState state, boolean released,
        @Nullable String carePlanId, @Nullable String therapistId, @Nullable String roomId,
        @Nullable LocalDateTime startsAt, @Nullable String publishedTherapistId, @Nullable String publishedRoomId,
        @Nullable LocalDateTime publishedStartsAt, @Version @Nullable Integer version) {

    public boolean isPlaced() {
        return therapistId != null && roomId != null && startsAt != null;
    }
}
