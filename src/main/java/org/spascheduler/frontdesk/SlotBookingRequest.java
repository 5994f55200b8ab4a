package org.spascheduler.frontdesk;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The front desk books one option for a client.
 *
 * @param windowStart the window the client asked for, when the desk carries it: it is stored as the session's
 *        requested window, and a slot taken meanwhile is answered with fresh options in it; left out, the window is
 *        the session itself and fresh options come from its day
 */
public record SlotBookingRequest(@NotBlank String clientId, @NotBlank String treatmentId,
        @Positive @Max(600) int durationMinutes, @NotBlank String therapistId, @NotBlank String roomId,
        @NotNull LocalDateTime startsAt, @Nullable @Size(max = 500) String reason,
        @Nullable LocalDateTime windowStart, @Nullable LocalDateTime windowEnd) {
}
