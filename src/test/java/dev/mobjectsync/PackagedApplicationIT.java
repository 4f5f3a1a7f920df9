package dev.mobjectsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application as a user starts it, in an empty directory, configured only through the environment. */
class PackagedApplicationIT {

    @TempDir
    Path workDir;

    @Test
    void embeddedDefaultTurnsADroppedFileIntoOneLinePerRecord() throws Exception {
        String secret = "packaged-test-secret-3f9a";
        try (AppProcess app = new AppProcess(workDir, Map.of("MOBJECT_SYNC_MARKETO_SECRET_KEY", secret))) {
            app.start().awaitReady();
            Path inbox = Files.createDirectories(workDir.resolve("data/inbox"));
            Files.writeString(inbox.resolve(".drop.part"), """
                    {"recordId":"p1","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000","Id":"153"}}]}
                    {"recordId":"o1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"Q1 2014","Amount":"2000","Probability":"80"}}
                    {"recordId":"bad1","type":"Bogus","operation":"INSERT"}
                    """, StandardCharsets.UTF_8);
            Files.move(inbox.resolve(".drop.part"), inbox.resolve("drop.ndjson"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.channelLines("success").size() + app.channelLines("dead-letter").size() >= 3);
            List<String> success = app.channelLines("success");
            List<String> deadLetter = app.channelLines("dead-letter");
            assertEquals(2, success.size(), success.toString());
            assertEquals(1, deadLetter.size(), deadLetter.toString());
            assertTrue(success.stream().anyMatch(l -> l.contains("\"p1\"") && l.contains("\"UPDATED\"")), success.toString());
            assertTrue(success.stream().anyMatch(l -> l.contains("\"o1\"") && l.contains("\"CREATED\"")), success.toString());
            assertTrue(deadLetter.get(0).contains("\"UNKNOWN_TYPE\""), deadLetter.toString());
            assertTrue(Files.exists(inbox.resolve(".done")), "the processed file is moved to .done");
            app.stop();
            assertFalse(app.allLogs().contains(secret), "the secret key never appears in the log");
        }
    }

    @Test
    void batchSizeAboveMarketosLimitIsRefusedAtStartup() throws Exception {
        try (AppProcess app = new AppProcess(workDir, Map.of("MOBJECT_SYNC_BATCH_SIZE", "150"))) {
            Integer exitCode = app.start().awaitExit(Duration.ofSeconds(60));

            assertNotNull(exitCode, "the application must not start with batch.size=150");
            assertNotEquals(0, exitCode);
            assertTrue(app.allLogs().contains(
                    "mobject-sync.batch.size must be at most 100: Marketo accepts at most 100 objects per syncMObjects call"));
        }
    }
}
