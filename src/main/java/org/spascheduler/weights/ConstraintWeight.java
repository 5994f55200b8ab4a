package org.spascheduler.weights;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A manager's weight for one constraint, at the constraint's own level (hard, medium or soft). */
@Table("CONSTRAINT_WEIGHT")
public record ConstraintWeight(@Id String constraintName, long weight, @Version @Nullable Integer version) {
}
