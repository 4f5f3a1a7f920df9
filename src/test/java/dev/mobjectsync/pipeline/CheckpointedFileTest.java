package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.batch.FileUnits;
import dev.mobjectsync.batch.SharedBatchRepository;
import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Success;
import dev.mobjectsync.record.InputItem;
import dev.mobjectsync.record.RecordReader;
import dev.mobjectsync.record.RecordReaders;
import dev.mobjectsync.simulator.CallLog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What a crash leaves, taken back. A file read again after a crash, as the checkpoints of the crashed run left it (written here by hand,
 * the way the sending stage writes them): its done unit is skipped, the records of a unit that were in a
 * channel are not delivered again, the records Marketo had answered get their stored outcome in the channel
 * without a call, and only the rest is sent.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class CheckpointedFileTest {

    @Inject
    Checkpoints checkpoints;

    @Inject
    FileUnits units;

    @Inject
    CallLog callLog;

    @Inject
    RecordReaders readers;

    @Inject
    @Named("batchRepository")
    JdbcAggregationRepository repository;

    @Inject
    CamelContext camel;

    @Test
    void aFileReadAgainResumesAfterWhatTheCrashedRunSettled() throws Exception {
        int size = units.size();
        int count = 2 * size + size / 2;
        String content = Outbox.opportunities("ckp-", count) + "\n";
        Files.createDirectories(Outbox.INBOX);
        Path part = Outbox.INBOX.resolve(".ckp.ndjson.part");
        Path file = Outbox.INBOX.resolve("ckp.ndjson").toAbsolutePath();
        Files.writeString(part, content, StandardCharsets.UTF_8);
        long modified = 1_764_547_200_000L;
        Files.setLastModifiedTime(part, FileTime.fromMillis(modified));
        String source = "file:" + size + "|" + Files.size(part) + "|" + modified + "|" + file;

        // unit 1 done; unit 2: its first 10 records answered (outcomes stored), the next 10 in their channel
        checkpoints.unitDone(new Checkpoints.Place(source, 1));
        Checkpoints.Place unit2 = new Checkpoints.Place(source, 2);
        checkpoints.answered("answered-call", Map.of(unit2, IntStream.range(0, 10)
                .mapToObj(i -> Map.entry(i, storedOutcome(content, size + i))).toList()));
        checkpoints.answered("written-call", Map.of(unit2, IntStream.range(10, 20)
                .mapToObj(i -> Map.entry(i, storedOutcome(content, size + i))).toList()));
        checkpoints.written("written-call", List.of(unit2));
        callLog.clear();

        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);

        Set<Integer> expected = new TreeSet<>();
        IntStream.range(size, size + 10).forEach(expected::add);
        IntStream.range(size + 20, count).forEach(expected::add);
        awaitAll("ckp-", expected.size(), Duration.ofSeconds(30));

        List<JsonNode> delivered = success("ckp-");
        Set<Integer> numbers = delivered.stream().map(e -> Integer.parseInt(e.path("recordId").asText().substring(4)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, numbers, "delivered: the answered records and the records never sent, nothing else");
        List<String> stored = new ArrayList<>();
        delivered.forEach(e -> {
            if ("answered-before".equals(e.path("result").path("batchId").asText())) {
                stored.add(e.path("recordId").asText());
            }
        });
        assertEquals(IntStream.range(size, size + 10).mapToObj(i -> "ckp-" + i).sorted().toList(), stored.stream()
                .sorted().toList(),
                "the answered records came out with their stored outcome");
        long sent = callLog.syncCalls().stream().mapToLong(CallLog.Call::objects).sum();
        assertEquals(count - size - 20, sent, "objects sent to Marketo: only those never answered");
        // the file moved: its checkpoints went with it
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file) && checkpoints.of(source).isEmpty());
    }

    /**
     * A chunk rewritten to hold only its records not yet delivered (as after a failed call, or a stop) keeps its
     * id: recovery sends it once, confirms it by that id, and never sends it again.
     */
    @Test
    void aChunkRewrittenToItsRestIsRecoveredOnceUnderItsOwnId() throws Exception {
        String content = Outbox.opportunities("kept-", 3) + "\n";
        List<InputItem> items = new ArrayList<>();
        try (RecordReader reader = readers.open(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                "kept.ndjson")) {
            reader.forEachRemaining(items::add);
        }
        Chunk chunk = units.sort(items).valid();
        SharedBatchRepository shared = (SharedBatchRepository) repository;
        String chunkId = shared.keepCompleted(camel, chunk);
        shared.keepOnly(camel, chunkId, chunk.keeping(chunk.records().subList(1, 3)));

        awaitAll("kept-", 2, Duration.ofSeconds(40));
        await().atMost(Duration.ofSeconds(10)).until(() -> !repository.scan(camel).contains(chunkId));
        // two more recovery intervals: a chunk confirmed under another id would be sent again meanwhile
        Thread.sleep(11_000);
        List<String> ids = success("kept-").stream().map(e -> e.path("recordId").asText()).sorted().toList();
        assertEquals(List.of("kept-1", "kept-2"), ids, "the rest of the chunk, each once");
    }

    private static RecordOutcome storedOutcome(String content, int line) {
        String json = content.split("\n")[line];
        String recordId = "ckp-" + line;
        return new RecordOutcome(json, null, SourceRef.fileLine("ckp.ndjson", line + 1), "Opportunity:" + recordId,
                recordId, new Success("CREATED", 9000 + line, null, "answered-before", Instant.now()), null);
    }
}
