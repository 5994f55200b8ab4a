package org.spascheduler.weights;

import org.jspecify.annotations.Nullable;

/**
 * One constraint with its weight: the manager's if set, else the one it is defined with.
 *
 * @param level hard, medium or soft: a weight counts only at its constraint's level
 * @param version null while the manager has not changed this weight; send it back to change it again
 */
public record ConstraintWeightView(String constraint, String level, String description, long defaultWeight,
        long weight, boolean overridden, @Nullable Integer version) {
}
