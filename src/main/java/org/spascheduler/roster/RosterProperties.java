package org.spascheduler.roster;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param storeInterval how often, at most, a solving job writes its best roster so far to the database
 * @param maxRunning how many roster jobs this node solves at once; left out, one per core: a solve keeps a core busy,
 *        and two on one core each get half the moves within the same budget
 * @param maxQueued how many more may wait for their turn; beyond that a start is answered 429 with Retry-After
 */
@ConfigurationProperties("spa.roster")
public record RosterProperties(@DefaultValue("2s") Duration storeInterval, @Nullable Integer maxRunning,
        @DefaultValue("8") int maxQueued) {

    public RosterProperties {
        if (maxRunning == null) {
            maxRunning = Runtime.getRuntime().availableProcessors();
        }
        if (maxRunning < 1) {
            throw new IllegalArgumentException(
                    "spa.roster.max-running (%d) must be at least 1; leave it out for one per core."
                            .formatted(maxRunning));
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException(
                    "spa.roster.max-queued (%d) must be 0 (no queue) or more.".formatted(maxQueued));
        }
    }

    /** How many roster jobs this node solves at once (one per core unless configured). */
    public int runningLimit() {
        return maxRunning == null ? Runtime.getRuntime().availableProcessors() : maxRunning;
    }
}
