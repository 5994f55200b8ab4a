package org.spascheduler;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DurableCommitsScenario} at length: 20 bookings and 20 sick calls, each followed by a SIGKILL and a restart.
 * 41 starts of the service: 26 minutes at a load average of 11 to 18 on 2 cores (2026-12-03, 0 problems).
 */
class DurableCommitsIT {

    private static final Path LOGS = Path.of("target", "child-services", "DurableCommitsIT");

    @Test
    void everyAnsweredWriteSurvivesAKillRightAfterTheAnswer(@TempDir Path directory) {
        var outcome = DurableCommitsScenario.run(directory, LOGS, 20, 20);
        System.out.println("DurableCommitsIT: " + outcome.summary());
        DurableCommitsScenario.requireNoProblems(outcome);
    }
}
