package org.spascheduler.frontdesk;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What the front desk sends that is not itself a change to the books. Who sends it is the signed-in account, never a
 * field of the body.
 */
public final class FrontDeskRequests {

    private FrontDeskRequests() {
    }

    /** A walk-in or a phone call: this treatment, this long, some time in this window. */
    public record BookingRequest(@NotBlank String clientId, @NotBlank String treatmentId,
            @Positive @Max(600) int durationMinutes, @NotNull LocalDateTime windowStart,
            @NotNull LocalDateTime windowEnd, @Nullable @Size(max = 500) String reason) {
    }
}
