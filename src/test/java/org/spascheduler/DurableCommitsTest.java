package org.spascheduler;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One booking and one sick call of {@link DurableCommitsScenario} in the normal test run: three starts of the service,
 * about 20 s on a quiet machine and 90 s at a load average of 11. {@link DurableCommitsIT} runs 40 rounds.
 */
class DurableCommitsTest {

    private static final Path LOGS = Path.of("target", "child-services", "DurableCommitsTest");

    @Test
    void answeredWritesSurviveAKillRightAfterTheAnswer(@TempDir Path directory) {
        var outcome = DurableCommitsScenario.run(directory, LOGS, 1, 1);
        System.out.println("DurableCommitsTest: " + outcome.summary());
        DurableCommitsScenario.requireNoProblems(outcome);
    }
}
