package org.spascheduler.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** Days between consecutive sessions of a series: never below min, ideally within [idealMin, idealMax], never above max. */
public record SpacingJson(@PositiveOrZero @Max(365) int minDays, @PositiveOrZero @Max(365) int idealMinDays,
        @PositiveOrZero @Max(365) int idealMaxDays, @PositiveOrZero @Max(365) int maxDays) {
}
