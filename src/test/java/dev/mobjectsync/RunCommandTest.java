package dev.mobjectsync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The tests start the application with README's run command, and the container image runs it the same way. */
class RunCommandTest {

    private static final String COMMAND = "java " + String.join(" ", AppProcess.RUN_OPTIONS)
            + " -jar target/quarkus-app/quarkus-app.jar";

    @Test
    void readmesRunCommandIsTheOneTheTestsUse() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("mvn -B package -DskipTests && " + COMMAND + "\n"),
                "README's run command must be: " + COMMAND);
    }

    @Test
    void theImageRunsWithTheSameOptions() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        String toolOptions = dockerfile.lines().filter(line -> line.startsWith("ENV JAVA_TOOL_OPTIONS=")).findFirst()
                .orElse("");
        for (String option : AppProcess.RUN_OPTIONS) {
            assertTrue(toolOptions.contains(option), "Dockerfile.jvm's JAVA_TOOL_OPTIONS must hold " + option);
        }
    }
}
