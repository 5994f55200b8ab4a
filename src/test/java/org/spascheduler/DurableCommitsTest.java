package org.spascheduler;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few rounds of {@link DurableCommitsScenario} in the normal test run (each round starts the service once more:
 * about 4 s on a quiet machine, 15 s at a load average of 11); {@link DurableCommitsIT} runs 40.
 */
class DurableCommitsTest {

    private static final Path LOGS = Path.of("target", "child-services", "DurableCommitsTest");

    @Test
    void answeredWritesSurviveAKillRightAfterTheAnswer(@TempDir Path directory) {
        var outcome = DurableCommitsScenario.run(directory, LOGS, 2, 1);
        System.out.println("DurableCommitsTest: " + outcome.summary());
        DurableCommitsScenario.requireNoProblems(outcome);
    }
}
