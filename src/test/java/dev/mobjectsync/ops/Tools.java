package dev.mobjectsync.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Command-line tools some checks run (docker-compose, jq). Without one, a check is skipped on a
 * developer's machine and fails in CI (environment variable CI set), where .ci/run installs them.
 */
final class Tools {

    private Tools() {
    }

    /** Whether the command runs and exits with 0. */
    static boolean runs(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    /** Skips the calling test when the tool is missing outside CI; fails it in CI. */
    static void require(boolean installed, String tool) {
        Assumptions.assumeTrue(installed || isCi(), tool + " is not installed");
        assertTrue(installed, "CI must install " + tool + " (.ci/run)");
    }

    private static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
    }
}
