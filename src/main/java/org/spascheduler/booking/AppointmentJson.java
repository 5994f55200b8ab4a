package org.spascheduler.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.spascheduler.common.Weeks;
import org.spascheduler.web.Ids;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * An appointment (a booking request and, once placed, its therapist, room and start) as the API reads and writes it.
 *
 * @param state REQUESTED when left out
 * @param released false when left out: the front desk let this confirmed session move
 * @param weekStart the Monday of the week its window lies in; worked out from the window, ignored on input
 */
public record AppointmentJson(@Nullable @Pattern(regexp = Ids.PATTERN) String id, @NotBlank String clientId,
        @NotBlank String treatmentId, @Positive @Max(600) int durationMinutes, @NotNull LocalDateTime windowStart,
        @NotNull LocalDateTime windowEnd,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable LocalDate weekStart,
        BookingState state, Boolean released, @Nullable String carePlanId, @Nullable String therapistId,
        @Nullable String roomId, @Nullable LocalDateTime startsAt, @Nullable String publishedTherapistId,
        @Nullable String publishedRoomId, @Nullable LocalDateTime publishedStartsAt, @Nullable Integer version) {

    public AppointmentJson {
        state = Objects.requireNonNullElse(state, BookingState.REQUESTED);
        released = Objects.requireNonNullElse(released, false);
    }

    public static AppointmentJson from(StoredAppointment appointment) {
        return new AppointmentJson(appointment.id(), appointment.clientId(), appointment.treatmentId(),
                appointment.durationMinutes(), appointment.windowStart(), appointment.windowEnd(),
                appointment.weekStart(), appointment.state(), appointment.released(), appointment.carePlanId(),
                appointment.therapistId(), appointment.roomId(), appointment.startsAt(),
                appointment.publishedTherapistId(), appointment.publishedRoomId(), appointment.publishedStartsAt(),
                appointment.version());
    }

    public StoredAppointment toStored(String id, @Nullable Integer version) {
        return new StoredAppointment(id, clientId, treatmentId, durationMinutes, windowStart, windowEnd,
                Weeks.weekStartOf(windowStart), state, released, carePlanId, therapistId, roomId, startsAt,
                publishedTherapistId, publishedRoomId, publishedStartsAt, version);
    }
}
