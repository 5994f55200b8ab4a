package org.spascheduler.weights;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A new weight for a constraint.
 *
 * @param version the version last read; leave out only when the weight has never been changed
 */
public record ConstraintWeightChange(@NotNull @PositiveOrZero @Max(1_000_000) Long weight,
        @Nullable Integer version) {
}
