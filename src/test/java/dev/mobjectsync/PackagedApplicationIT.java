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
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The packaged application as a user starts it, in an empty directory, configured only through the environment. */
class PackagedApplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            assertTrue(success.stream().anyMatch(l -> l.contains("\"p1\"") && l.contains("\"UPDATED\"")), success
                    .toString());
            assertTrue(success.stream().anyMatch(l -> l.contains("\"o1\"") && l.contains("\"CREATED\"")), success
                    .toString());
            assertTrue(deadLetter.get(0).contains("\"UNKNOWN_TYPE\""), deadLetter.toString());
            // the file moves once its last record is in a channel: just after the lines above appear
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".done")));
            assertTrue(Files.exists(inbox.resolve(".done")), "the processed file is moved to .done");
            app.stop();
            assertFalse(app.allLogs().contains(secret), "the secret key never appears in the log");
        }
    }

    @Test
    void badSettingsAreSaidInOneShortBlockBeforeAnythingStarts() throws Exception {
        try (AppProcess app = new AppProcess(workDir, Map.of("MOBJECT_SYNC_BATCH_SIZE", "500",
                "MOBJECT_SYNC_LIMITS_MAX_CONCURRENT_CALLS", "0", "MOBJECT_SYNC_MARKETO_API", "grpc"))) {
            Integer exitCode = app.start().awaitExit(Duration.ofSeconds(60));

            assertNotNull(exitCode, "the application must not start with these settings");
            assertNotEquals(0, exitCode);
            List<String> log = Files.readAllLines(app.log());
            int block = log.indexOf("Configuration validation failed:");
            assertTrue(block >= 0 && block < 5, "the block comes first:\n" + String.join("\n", log));
            List<String> problems = log.subList(block + 1, log.size());
            assertEquals(List.of(
                    "\tmobject-sync.batch.size is 500; must be 1..100 with marketo.api=soap, 1..300 with rest",
                    "\tmobject-sync.limits.max-concurrent-calls is 0; must be at least 1",
                    "\tmobject-sync.marketo.api is 'grpc'; must be soap or rest"),
                    problems.stream().sorted().toList(), String.join("\n", log));
            assertTrue(log.size() <= 8, "nothing but the block:\n" + String.join("\n", log));
            assertFalse(Files.exists(workDir.resolve("data")), "no route started: the inbox was never created");
        }
        try (AppProcess app = new AppProcess(workDir, Map.of("MOBJECT_SYNC_BATCH_SIZE", "150"))) {
            assertNotEquals(0, app.start().awaitExit(Duration.ofSeconds(60)));
            List<String> log = Files.readAllLines(app.log());
            assertTrue(log.contains("\tmobject-sync.batch.size is 150; must be 1..100 with marketo.api=soap"
                    + " (Marketo accepts at most 100 objects per syncMObjects call)"), String.join("\n", log));
            assertTrue(log.stream().noneMatch(l -> l.contains("Apache Camel") || l.startsWith("\tat ")),
                    "before any route and any stack trace:\n" + String.join("\n", log));
            assertFalse(Files.exists(workDir.resolve("data")), "no route started: the inbox was never created");
        }
    }

    /** The simulator is a sandbox: next to a real Marketo endpoint, neither it nor its demo credentials start. */
    @Test
    void theSimulatorNeverStandsInForARealMarketo() throws Exception {
        String real = "https://123-ABC-456.mktoapi.com/soap/mktows/2_3";
        try (AppProcess app = new AppProcess(workDir, Map.of("MOBJECT_SYNC_MARKETO_ENDPOINT", real,
                "MOBJECT_SYNC_SIMULATOR_ENABLED", "true"))) {
            Integer exitCode = app.start().awaitExit(Duration.ofSeconds(60));
            String log = Files.readString(app.log());
            assertNotNull(exitCode, "the application must not start with the simulator next to a real endpoint");
            assertNotEquals(0, exitCode);
            assertTrue(log.contains("mobject-sync.simulator.enabled=true next to a Marketo endpoint that is not this"
                    + " application's (mobject-sync.marketo.endpoint)"), log);
            assertFalse(Files.exists(workDir.resolve("data")), "no route started: the inbox was never created");
        }
        String demoSecret = "demo-only-secret-do-not-use";
        try (AppProcess app = new AppProcess(workDir, Map.of("MOBJECT_SYNC_MARKETO_ENDPOINT", real,
                "MOBJECT_SYNC_MARKETO_USER_ID", "demo_mobject_sync_1", "MOBJECT_SYNC_MARKETO_SECRET_KEY",
                demoSecret))) {
            Integer exitCode = app.start().awaitExit(Duration.ofSeconds(60));
            String log = Files.readString(app.log());
            assertNotNull(exitCode, "the application must not start with the demo credentials next to a real endpoint");
            assertNotEquals(0, exitCode);
            assertTrue(log.contains("mobject-sync.marketo.secret-key and mobject-sync.marketo.user-id still hold the"
                    + " packaged demo credentials"), log);
            assertFalse(log.contains(demoSecret), "the refusal names the keys, never their values");
            assertFalse(Files.exists(workDir.resolve("data")), "no route started: the inbox was never created");
        }
    }

    /**
     * README, "Try the samples": {@code cp samples/* data/inbox/} in one go; the role comes out CREATED although
     * its Opportunity is in another file of the same drop (the sending stage sends it after its Opportunity).
     */
    @Test
    void samplesDroppedTogetherComeOutAsReadmeSays() throws Exception {
        try (AppProcess app = new AppProcess(workDir, Map.of())) {
            app.start().awaitReady();
            Path inbox = Files.createDirectories(workDir.resolve("data/inbox"));
            try (var samples = Files.list(Path.of("samples"))) {
                for (Path sample : samples.sorted().toList()) {
                    Files.copy(sample, inbox.resolve(sample.getFileName()));
                }
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.channelLines("success").size() + app.channelLines("dead-letter").size() >= 8);
            Map<String, String> outcomes = new TreeMap<>();
            for (String channel : List.of("success", "dead-letter")) {
                for (String line : app.channelLines(channel)) {
                    JsonNode envelope = JSON.readTree(line);
                    outcomes.put(envelope.path("recordId").asText(), channel.equals("success")
                            ? envelope.at("/result/status").asText() : envelope.at("/error/code").asText());
                }
            }
            assertEquals(Map.of("sample-o1", "CREATED", "sample-o2", "CREATED", "sample-r1", "CREATED",
                    "sample-p1", "UPDATED", "sample-p2", "UPDATED", "csv-p1", "UPDATED", "csv-p2", "UPDATED",
                    "sample-bad", "PROGRAM_REQUIRES_UPDATE"), outcomes);
        }
    }
}
