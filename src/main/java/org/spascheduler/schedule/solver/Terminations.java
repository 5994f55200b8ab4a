package org.spascheduler.schedule.solver;

import java.time.Duration;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** Builds the solver's termination from the two limits a spa manager thinks in. */
public final class Terminations {

    private Terminations() {
    }

    /** Stop after the spent limit, or earlier once the best roster has not improved for the unimproved limit. */
    public static TerminationConfig of(Duration spentLimit, Duration unimprovedSpentLimit) {
        if (spentLimit.isNegative() || spentLimit.isZero()) {
            throw new IllegalArgumentException("The spent limit (%s) must be positive.".formatted(spentLimit));
        }
        if (unimprovedSpentLimit.isNegative() || unimprovedSpentLimit.isZero()) {
            throw new IllegalArgumentException(
                    "The unimproved spent limit (%s) must be positive.".formatted(unimprovedSpentLimit));
        }
        return new TerminationConfig()
                .withSpentLimit(spentLimit)
                .withUnimprovedSpentLimit(unimprovedSpentLimit);
    }
}
