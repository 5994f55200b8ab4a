package org.spascheduler.frontdesk;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What the front desk sends. Every event names who records it ({@code actor}) and may say why; an event about one
 * session may carry the {@code version} of it that the desk read, so that of two desks acting on it at once, the
 * second is told (409) instead of undoing the first.
 */
public final class FrontDeskRequests {

    private FrontDeskRequests() {
    }

    /** @param late a cancellation at short notice */
    public record Cancellation(@NotBlank String appointmentId, boolean late, @NotBlank @Size(max = 100) String actor,
            @Nullable @Size(max = 500) String reason, @Nullable Integer version) {
    }

    /** A therapist cannot work from {@code startsAt} to {@code endsAt} (a sick call: a day or part of it). */
    public record TherapistUnavailable(@NotBlank String therapistId, @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt, @NotBlank @Size(max = 100) String actor,
            @Nullable @Size(max = 200) String reason) {
    }

    /** A room cannot be used from {@code startsAt} to {@code endsAt}. */
    public record RoomOutOfService(@NotBlank String roomId, @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt, @NotBlank @Size(max = 100) String actor,
            @Nullable @Size(max = 200) String reason) {
    }

    /** A walk-in or a phone call: this treatment, this long, some time in this window. */
    public record BookingRequest(@NotBlank String clientId, @NotBlank String treatmentId,
            @Positive @Max(600) int durationMinutes, @NotNull LocalDateTime windowStart,
            @NotNull LocalDateTime windowEnd, @NotBlank @Size(max = 100) String actor,
            @Nullable @Size(max = 500) String reason) {
    }

    /**
     * Lets a confirmed session be placed again now, within its day, wherever the roster is best (it stays where it is
     * when that is best); it is confirmed again where the repair puts it.
     */
    public record Release(@NotBlank String appointmentId, @NotBlank @Size(max = 100) String actor,
            @Nullable @Size(max = 500) String reason, @Nullable Integer version) {
    }

    /** Moves a session by hand; refused with the broken rules in words when it would break a hard rule. */
    public record ManualMove(@NotBlank String appointmentId, @NotBlank String therapistId, @NotBlank String roomId,
            @NotNull LocalDateTime startsAt, @NotBlank @Size(max = 100) String actor,
            @Nullable @Size(max = 500) String reason, @Nullable Integer version) {
    }
}
