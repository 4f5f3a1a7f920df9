package dev.mobjectsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Json;

/**
 * A file's records go from the file straight to the sending stage: the packaged application, stopped
 * gracefully while it is in the middle of a file (the sending stage full, the file half read), moves the
 * file to .done/ with the records it had not sent kept in the repository, and sends exactly those after
 * the restart, before anything newer (each object is upserted twice, the second time after the first): every record reaches one channel once, no call overlaps another on
 * one object, no object is created twice. Marketo is a second instance with only the simulator on (300 ms
 * a call), so its state outlives the restart.
 */
class FileDropRestartIT {

    private static final int OBJECTS = 1500;
    private static final int ROUNDS = 2;

    @TempDir
    Path marketoDir;

    @TempDir
    Path pipelineDir;

    @Test
    void gracefulStopInTheMiddleOfAFileLosesNothingAndSendsNothingTwice() throws Exception {
        try (AppProcess marketo = new AppProcess(marketoDir, Map.of(
                "MOBJECT_SYNC_SOURCES_FILE_ENABLED", "false",
                "MOBJECT_SYNC_SIMULATOR_FAULTS_LATENCY", "300ms"))) {
            marketo.start().awaitReady();
            try (AppProcess pipeline = new AppProcess(pipelineDir, Map.of(
                    "MOBJECT_SYNC_SIMULATOR_ENABLED", "false",
                    "MOBJECT_SYNC_MARKETO_ENDPOINT", "http://127.0.0.1:" + marketo.port() + "/soap/mktows/2_3",
                    "MOBJECT_SYNC_LIMITS_MAX_CONCURRENT_CALLS", "2",
                    "MOBJECT_SYNC_BATCH_MAX_WAITING", "300"))) {
                pipeline.start().awaitReady();
                Path inbox = pipelineDir.resolve("data/inbox");
                drop(inbox, "first.ndjson", 0, OBJECTS);
                drop(inbox, "second.ndjson", OBJECTS, OBJECTS);
                int total = 2 * OBJECTS * ROUNDS;
                await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.deliveries().size() >= 400);

                pipeline.stop();
                Map<String, Integer> beforeRestart = pipeline.deliveries();
                assertTrue(beforeRestart.size() < total, "stopped before the end: " + beforeRestart.size());
                assertTrue(doneFiles().contains("first.ndjson"), "the file being read moved to .done/ at the stop");
                // the file after it was either not begun (it stays in the inbox) or kept whole, as the first one
                System.out.println("file restart: at the stop, second.ndjson is "
                        + (Files.exists(inbox.resolve("second.ndjson")) ? "still in the inbox" : "in .done/"));

                pipeline.start().awaitReady();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> pipeline.deliveries().size() >= total);
                await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

                Map<String, Integer> deliveries = pipeline.deliveries();
                long duplicates = deliveries.values().stream().filter(times -> times > 1).count();
                System.out.printf("file restart: %d records, %d delivered before the stop, %d delivered, %d twice%n",
                        total, beforeRestart.size(), deliveries.size(), duplicates);
                assertEquals(total, deliveries.size(), "every record of both files reached a channel");
                assertEquals(0, duplicates, "a graceful stop in the middle of a file delivers nothing twice");
                assertEquals(List.of("first.ndjson", "second.ndjson"), doneFiles());
                assertTrue(pipeline.channelLines("dead-letter").isEmpty(), "all records valid");
                assertTrue(pipeline.allLogs().contains("sending again"),
                        "the kept records were taken back at the start");
                JsonNode calls = Json.MAPPER.readTree(marketo.get("/simulator/calls"));
                assertEquals(0, calls.path("overlapping").asLong(), "calls overlapping on one object");
                assertEquals(0, calls.path("duplicateObjects").asLong(), "objects created twice");
                assertFalse(Files.exists(inbox.resolve("first.ndjson")));
            }
        }
    }

    /** {@code count} opportunities numbered from {@code first}, each upserted {@link #ROUNDS} times, round after round. */
    private static void drop(Path inbox, String name, int first, int count) throws IOException {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("." + name + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int round = 1; round <= ROUNDS; round++) {
                for (int i = first; i < first + count; i++) {
                    out.write("{\"recordId\":\"f-" + i + "-" + round
                            + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                            + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"F-" + i + "\"},"
                            + "\"attributes\":{\"Name\":\"Deal " + i + "\",\"Amount\":\"" + round + "\"}}\n");
                }
            }
        }
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> doneFiles() throws IOException {
        Path done = pipelineDir.resolve("data/inbox/.done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(done)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

}
