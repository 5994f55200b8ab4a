package org.spascheduler.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.Weeks;
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
public record StoredAppointment(@Id String id, String clientId, String treatmentId, int durationMinutes,
        LocalDateTime windowStart, LocalDateTime windowEnd, LocalDate weekStart, BookingState state, boolean released,
        @Nullable String carePlanId, @Nullable String therapistId, @Nullable String roomId,
        @Nullable LocalDateTime startsAt, @Nullable String publishedTherapistId, @Nullable String publishedRoomId,
        @Nullable LocalDateTime publishedStartsAt, @Version @Nullable Integer version) {

    /** Requested, or confirmed and released: a roster job or a repair may place it anew. */
    public boolean isMovable() {
        return state == BookingState.REQUESTED || state == BookingState.CONFIRMED && released;
    }

    /** Where it is now; {@link Placement#NONE} when unplaced. */
    public Placement placement() {
        return new Placement(therapistId, roomId, startsAt);
    }

    public boolean isPlaced() {
        return therapistId != null && roomId != null && startsAt != null;
    }

    /** The same appointment at another place (all null: no place). */
    public StoredAppointment withPlacement(@Nullable String therapistId, @Nullable String roomId,
            @Nullable LocalDateTime startsAt) {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd,
                weekStart, state,
                released, carePlanId, therapistId, roomId, startsAt, publishedTherapistId, publishedRoomId,
                publishedStartsAt, version);
    }

    public StoredAppointment withState(BookingState state, boolean released) {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd,
                weekStart, state,
                released, carePlanId, therapistId, roomId, startsAt, publishedTherapistId, publishedRoomId,
                publishedStartsAt, version);
    }

    /** Confirmed where it is placed now: what the client is told from now on. */
    public StoredAppointment confirmedWherePlaced() {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd, weekStart,
                BookingState.CONFIRMED, false, carePlanId, therapistId, roomId, startsAt, therapistId, roomId, startsAt,
                version);
    }

    /** Back on the waitlist: nothing placed, nothing promised. */
    public StoredAppointment requestedAgain() {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd, weekStart,
                BookingState.REQUESTED, false, carePlanId, null, null, null, null, null, null, version);
    }

    public StoredAppointment withWindow(LocalDateTime windowStart, LocalDateTime windowEnd) {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd,
                weekStart, state,
                released, carePlanId, therapistId, roomId, startsAt, publishedTherapistId, publishedRoomId,
                publishedStartsAt, version);
    }

    /** The same session asked for differently: its client, treatment, length or window; its place stays. */
    public StoredAppointment withRequest(String clientId, String treatmentId, int durationMinutes,
            LocalDateTime windowStart, LocalDateTime windowEnd) {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd,
                Weeks.weekStartOf(windowStart), state, released, carePlanId, therapistId, roomId, startsAt,
                publishedTherapistId, publishedRoomId, publishedStartsAt, version);
    }
}
