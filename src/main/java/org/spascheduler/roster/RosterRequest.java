package org.spascheduler.roster;

import java.time.Duration;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;

/**
 * Solve this week's roster.
 *
 * @param spentLimit stop after this long (ISO-8601, e.g. PT30S); the configured default when left out
 * @param unimprovedSpentLimit stop once the best roster has not improved for this long
 */
public record RosterRequest(@NotNull LocalDate weekStart, @Nullable Duration spentLimit,
        @Nullable Duration unimprovedSpentLimit) {
}
