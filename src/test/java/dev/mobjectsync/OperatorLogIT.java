package dev.mobjectsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application's log, where the operator looks, while Marketo cannot be reached and a file in the
 * inbox will never be read: one WARN for the ignored file, one line per failed attempt naming the host and
 * the wait, no stack trace; the dead letter names the host.
 */
class OperatorLogIT {

    @TempDir
    Path workDir;

    @Test
    void unreachableMarketoAndAnIgnoredFileAreEachSaidOnceWithoutAStackTrace() throws Exception {
        int nothingListens = AppProcess.freePort();
        String host = "127.0.0.1:" + nothingListens;
        try (AppProcess app = new AppProcess(workDir, Map.of(
                "MOBJECT_SYNC_MARKETO_ENDPOINT", "http://" + host + "/soap/mktows/2_3",
                "MOBJECT_SYNC_RETRY_MAX_ATTEMPTS", "3", "MOBJECT_SYNC_RETRY_INITIAL_BACKOFF", "200"))) {
            app.start().awaitReady();
            Path inbox = Files.createDirectories(workDir.resolve("data/inbox"));
            Files.writeString(inbox.resolve("notes.txt"), "not records");
            Files.writeString(inbox.resolve(".being-written.ndjson.part"), "");
            Files.writeString(inbox.resolve(".offline.part"), """
                    {"recordId":"off-1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"a"}}
                    {"recordId":"off-2","type":"Opportunity","operation":"INSERT","attributes":{"Name":"b"}}
                    """);
            Files.move(inbox.resolve(".offline.part"), inbox.resolve("offline.ndjson"));

            await().atMost(Duration.ofSeconds(60)).until(() -> app.channelLines("dead-letter").size() >= 2);
            // several more looks at the inbox: the ignored file is still said only once
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            List<String> deadLetters = app.channelLines("dead-letter");
            assertEquals(2, deadLetters.size(), deadLetters.toString());
            assertTrue(deadLetters.stream().allMatch(l -> l.contains("\"message\":\"call to " + host + " failed")),
                    deadLetters.toString());

            List<String> log = Files.readAllLines(app.log());
            List<String> ignored = log.stream().filter(l -> l.contains("notes.txt")).toList();
            assertEquals(1, ignored.size(), ignored.toString());
            assertTrue(ignored.get(0).contains("WARN") && ignored.get(0).contains("is ignored"), ignored.get(0));
            assertTrue(log.stream().noneMatch(l -> l.contains(".being-written")), "dot-files are not reported");
            for (int attempt = 1; attempt <= 2; attempt++) {
                Pattern line = Pattern.compile(".*WARN .*call to " + Pattern.quote(host) + " failed \\(attempt "
                        + attempt
                        + "/3, CONNECTION_REFUSED\\): retry in [0-9.]+ s$");
                assertEquals(1, log.stream().filter(l -> line.matcher(l).matches()).count(),
                        "one line for attempt " + attempt + ":\n" + String.join("\n", log));
            }
            assertEquals(1, log.stream().filter(l -> l.contains("call to " + host
                    + " failed (attempt 3/3, CONNECTION_REFUSED):"
                    + " not retried, 2 INSERT Opportunity records dead-lettered")).count(), String.join("\n", log));
            assertTrue(log.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")),
                    "no stack trace:\n" + String.join("\n", log));
        }
    }
}
