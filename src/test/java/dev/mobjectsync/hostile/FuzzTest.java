package dev.mobjectsync.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.brokers.BrokersResource;
import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 10,000 records, most of them mutated at random with a fixed seed ({@link RecordMutator}), dropped as
 * NDJSON files and sent as Kafka and JMS messages: nothing crashes, every line and message leaves through
 * exactly one channel once (counted by source ref: {@code <file>#<line>}, {@code <topic>-<partition>@<offset>},
 * the JMS message id, which the dead letter carries even for bytes that could not be parsed), the
 * untouched records that Marketo accepts reach success, and a good record after all of it still goes
 * through on every source.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BrokersResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "channels", value = "file"), @ResourceArg(name = "max-message-bytes", value = "1048576")})
class FuzzTest {

    static final long SEED = 20261128L;
    static final int FILES = 8;
    static final int LINES_PER_FILE = 1100;
    static final int KAFKA_MESSAGES = 600;
    static final int JMS_MESSAGES = 600;

    @Test
    void tenThousandMutatedRecordsAreEachAccountedForOnceAndTheRouteGoesOn() throws IOException {
        long started = System.nanoTime();
        FuzzCorpus corpus = new FuzzCorpus(SEED, 0.85);
        Expectations expectations = new Expectations();
        int records = 0;
        try (Delivery delivery = new Delivery("fuzz")) {
            for (int f = 0; f < FILES; f++) {
                List<FuzzCorpus.Line> lines = corpus.lines(LINES_PER_FILE);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                lines.forEach(line -> {
                    content.writeBytes(line.bytes());
                    content.write('\n');
                });
                String name = delivery.file("ndjson", content.toByteArray());
                for (int i = 0; i < lines.size(); i++) {
                    expectations.expect(name + "#" + (i + 1), "line " + (i + 1) + " of " + name, outcome(lines.get(i)));
                }
                records += lines.size();
            }
            for (FuzzCorpus.Line line : corpus.lines(KAFKA_MESSAGES)) {
                String ref = delivery.kafka(line.bytes());
                expectations.expect(ref, "Kafka message " + ref, outcome(line));
                records++;
            }
            for (FuzzCorpus.Line line : corpus.lines(JMS_MESSAGES)) {
                String ref = delivery.jms(line.bytes());
                expectations.expect(ref, "JMS message " + ref, outcome(line));
                records++;
            }
            String last = "good record after the fuzz";
            expectations.expect(delivery.file("ndjson", good("fuzz-last-file")) + "#1", last + " (file)",
                    HostileInput.SUCCESS);
            for (int partition = 0; partition < delivery.kafkaPartitions(); partition++) {
                expectations.expect(delivery.kafka(partition, good("fuzz-last-kafka-" + partition)),
                        last + " (Kafka partition " + partition + ")", HostileInput.SUCCESS);
            }
            expectations.expect(delivery.jms(good("fuzz-last-jms")), last + " (JMS)", HostileInput.SUCCESS);
        }
        assertTrue(records >= 10_000, "at least 10,000 fuzzed records: " + records);

        ChannelContents out = expectations.awaitAll(Duration.ofSeconds(180));
        List<String> mismatches = expectations.mismatches(out);
        Map<String, Long> codes = out.byRef.values().stream().flatMap(List::stream).collect(
                Collectors.groupingBy(d -> d.code() == null ? "success" : d.code(), TreeMap::new, Collectors
                        .counting()));
        System.out.printf("fuzz: seed %d, %d records in, success %d, dead-letter %d, %.1f s; by code %s%n", SEED,
                records, out.success, out.deadLetter, (System.nanoTime() - started) / 1e9, codes);

        assertEquals(List.of(), mismatches.stream().limit(50).toList(), mismatches.size() + " mismatches");
        assertEquals(null, codes.get("INTERNAL_ERROR"), "validation never crashed");
        assertEquals(List.of(), filesIn(Path.of("target/test-data/inbox/.failed")), "no file failed to be read");
    }

    private static byte[] good(String recordId) {
        return HostileCatalogue.bytes(HostileCatalogue.goodRecord(recordId));
    }

    private static String outcome(FuzzCorpus.Line line) {
        return line.mustSucceed() ? HostileInput.SUCCESS : Expectations.ANY;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
