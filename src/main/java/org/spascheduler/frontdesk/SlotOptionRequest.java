package org.spascheduler.frontdesk;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A client asking when they could come: the session they want and the time they could come in.
 *
 * @param count how many options to show, 5 when left out
 */
public record SlotOptionRequest(@NotBlank String clientId, @NotBlank String treatmentId,
        @Positive @Max(600) int durationMinutes, @NotNull LocalDateTime windowStart, @NotNull LocalDateTime windowEnd,
        @Nullable @Min(1) @Max(SlotOptionRequest.MAX_COUNT) Integer count) {

    public static final int DEFAULT_COUNT = 5;
    public static final int MAX_COUNT = 20;

    public int countOrDefault() {
        return count == null ? DEFAULT_COUNT : count;
    }
}
