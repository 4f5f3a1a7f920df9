package dev.mobjectsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The simulator shares no code with the pipeline: its sources name no other package of the project, and no
 * other source of the application names the simulator's (DESIGN.md §7).
 */
class SimulatorStandsAloneTest {

    private static final Path MAIN = Path.of("src/main/java/dev/mobjectsync");
    private static final Pattern PROJECT_NAME = Pattern.compile("dev\\.mobjectsync\\.([a-z]+)");

    /** {@code file: package} for the simulator's package (or, if not {@code simulator}, every other one) named in the sources. */
    private static List<String> named(Stream<Path> sources, boolean simulator) throws IOException {
        return sources.flatMap(file -> {
            try {
                Matcher name = PROJECT_NAME.matcher(Files.readString(file).replaceFirst("package [^;]+;", ""));
                return name.results().map(m -> m.group(1))
                        .filter(pkg -> pkg.equals("simulator") == simulator)
                        .map(pkg -> MAIN.relativize(file) + ": " + pkg);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().toList();
    }

    private static Stream<Path> sources() throws IOException {
        return Files.walk(MAIN).filter(path -> path.toString().endsWith(".java"));
    }

    @Test
    void theSimulatorNamesNoOtherPackageOfTheProject() throws IOException {
        assertTrue(Files.isDirectory(MAIN.resolve("simulator")));
        try (Stream<Path> sources = sources()) {
            assertEquals(List.of(), named(sources.filter(p -> p.startsWith(MAIN.resolve("simulator"))), false));
        }
    }

    @Test
    void noOtherPackageNamesTheSimulator() throws IOException {
        try (Stream<Path> sources = sources()) {
            List<Path> others = sources.filter(p -> !p.startsWith(MAIN.resolve("simulator"))).toList();
            assertTrue(others.size() > 50, "the pipeline's sources are read: " + others.size());
            assertEquals(List.of(), named(others.stream(), true));
        }
    }
}
