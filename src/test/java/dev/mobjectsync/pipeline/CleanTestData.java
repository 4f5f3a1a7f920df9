package dev.mobjectsync.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Empties the test inbox and channels before the application starts, so every run begins clean. */
public class CleanTestData implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path root = Outbox.ROOT;
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(CleanTestData::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
