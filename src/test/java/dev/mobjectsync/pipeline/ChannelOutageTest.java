package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.drop;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The dead-letter channel cannot be written for a while: its records wait and arrive once it is back. */
@QuarkusTest
@TestProfile(ChannelOutageTest.DeadLetterBehindAFile.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class ChannelOutageTest {

    static final Path BLOCKED = Path.of("target/test-data/outage");
    static final Path CHANNEL_FILE = BLOCKED.resolve("dead-letter.ndjson");

    public static class DeadLetterBehindAFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.channels.dead-letter",
                    "file:" + BLOCKED + "?fileName=dead-letter.ndjson&fileExist=Append&appendChars=\\\\n");
        }
    }

    @Test
    void recordsWaitForTheChannelAndArriveExactlyOnce() throws IOException {
        Files.createDirectories(BLOCKED.getParent());
        Files.writeString(BLOCKED, "a regular file where the channel's folder should be");

        drop("outage.ndjson", """
                {"recordId":"outage-1","type":"Nonsense"}
                {"recordId":"outage-2","type":"Opportunity","operation":"UPDATE"}
                """);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(true, Files.isRegularFile(BLOCKED), "the channel is still down");

        Files.delete(BLOCKED);

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(CHANNEL_FILE) && lines().size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> lines().size() == 2);
        assertEquals(List.of(true, true), List.of(lines().get(0).contains("outage-"), lines().get(1).contains(
                "outage-")));
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(CHANNEL_FILE, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
