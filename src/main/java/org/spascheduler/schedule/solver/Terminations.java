package org.spascheduler.schedule.solver;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** Builds the solver's termination from the two limits a spa manager thinks in. */
public final class Terminations {

    private Terminations() {
    }

    /**
     * Stop after the spent limit, or earlier once the best roster has not improved for the unimproved limit. Both are
     * cut to whole milliseconds, the finest Timefold accepts.
     */
    public static TerminationConfig of(Duration spentLimit, Duration unimprovedSpentLimit) {
        return new TerminationConfig()
                .withSpentLimit(wholeMillis("spent limit", spentLimit))
                .withUnimprovedSpentLimit(wholeMillis("unimproved spent limit", unimprovedSpentLimit));
    }

    private static Duration wholeMillis(String name, Duration limit) {
        var millis = limit.truncatedTo(ChronoUnit.MILLIS);
        if (millis.toMillis() < 1) {
            throw new IllegalArgumentException("The %s (%s) must be at least a millisecond.".formatted(name, limit));
        }
        return millis;
    }
}
