package dev.mobjectsync.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Empties the test inbox and channels before the application starts, so every run begins clean, and gives
 * the application a repository database of its own: H2 keeps a database open in the JVM while any connection
 * to it lives, so a start on the previous application's file could meet that application's database (its
 * tables, or a database still closing) instead of a new one that Flyway migrates.
 */
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
        return Map.of("mobject-sync.repository.url", "jdbc:h2:file:./target/test-data/state/mobject-sync-"
                + UUID.randomUUID() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
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
