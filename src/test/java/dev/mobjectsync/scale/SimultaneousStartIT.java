package dev.mobjectsync.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.AppProcess;

/**
 * Two replicas of the packaged application started at once on a fresh PostgreSQL database: Flyway
 * creates the repository's tables under its lock, so both start. (The start-up code of earlier versions
 * ran CREATE TABLE IF NOT EXISTS from both, and one failed on PostgreSQL's catalog key.)
 */
class SimultaneousStartIT {

    private static final List<String> TABLES = List.of("mobject_sync_batches", "mobject_sync_batches_completed",
            "mobject_sync_locks", "mobject_sync_checkpoints");

    /** Under target/, kept after the run: each instance's working folder with its log. */
    private final Path root = Path.of("target", "simultaneous-start", String.valueOf(System.currentTimeMillis()));

    @Test
    void twoReplicasStartingTogetherOnAFreshDatabaseBothBecomeReady() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create();
                AppProcess a = replica("a", database);
                AppProcess b = replica("b", database)) {
            a.start();
            b.start();
            // two JVMs starting at once on a busy 2-core machine may take over a minute
            a.awaitReady(Duration.ofMinutes(3));
            b.awaitReady(Duration.ofMinutes(3));

            for (String table : TABLES) {
                assertEquals(0, database.count(table), table);
            }
            for (AppProcess replica : List.of(a, b)) {
                assertFalse(replica.allLogs().contains(" ERROR "), replica.allLogs());
            }
        }
    }

    private AppProcess replica(String name, ScratchDatabase database) throws Exception {
        Map<String, String> env = new HashMap<>(database.repositoryEnvironment());
        env.put("MOBJECT_SYNC_SOURCES_FILE_ENABLED", "false");
        return new AppProcess(Files.createDirectories(root.resolve(name)), env);
    }
}
