package dev.mobjectsync.pipeline;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Json;

/**
 * Reads what the file channels hold, for the records of one test: their recordIds share a prefix
 * (an unparsable line has the source's ref as recordId, so its echoed raw text is matched instead).
 */
public final class Outbox {

    static final Path ROOT = Path.of("target/test-data");
    static final Path INBOX = ROOT.resolve("inbox");
    static final Path SUCCESS = ROOT.resolve("out/success");
    static final Path DEAD_LETTER = ROOT.resolve("out/dead-letter");

    private Outbox() {
    }

    /** {@code count} Opportunity UPSERTs as NDJSON, recordIds and external keys prefix0, prefix1, ..., Names n0, n1, ... */
    public static String opportunities(String prefix, int count) {
        return opportunities(prefix, count, Set.of(), null);
    }

    /** The same, with {@code specialName} as the Name of the records at the {@code special} positions. */
    static String opportunities(String prefix, int count, Set<Integer> special, String specialName) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"recordId\":\"" + prefix + i + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                        + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix + i + "\"},"
                        + "\"attributes\":{\"Name\":\"" + (special.contains(i) ? specialName : "n" + i) + "\"}}")
                .collect(Collectors.joining("\n"));
    }

    /**
     * Waits until {@code count} records with the prefix have left through a channel, and that the
     * count then stays put for a second (a late duplicate would show).
     */
    public static void awaitAll(String prefix, int count, Duration patience) {
        await().atMost(patience).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() >= count);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() == count);
    }

    public static List<JsonNode> success(String prefix) {
        return read(SUCCESS, prefix);
    }

    public static List<JsonNode> deadLetter(String prefix) {
        return read(DEAD_LETTER, prefix);
    }

    static JsonNode only(List<JsonNode> envelopes, String recordId) {
        List<JsonNode> matches = envelopes.stream().filter(e -> recordId.equals(e.path("recordId").asText())).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected exactly one envelope for " + recordId + ", found " + matches);
        }
        return matches.get(0);
    }

    /** Writes under a dot-name, then renames: the way the README tells users to drop files. */
    public static void drop(String fileName, String content) {
        drop(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The same, for content that need not be text (bad bytes, byte order marks, binary). */
    public static void drop(String fileName, byte[] content) {
        try {
            Files.createDirectories(INBOX);
            Path temporary = INBOX.resolve("." + fileName + ".part");
            Files.write(temporary, content);
            Files.move(temporary, INBOX.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(Path dir, String prefix) {
        List<JsonNode> envelopes = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return envelopes;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode envelope = Json.MAPPER.readTree(line);
                    if (envelope.path("recordId").asText().startsWith(prefix)
                            || envelope.path("raw").asText().contains("\"" + prefix)) {
                        envelopes.add(envelope);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return envelopes;
    }
}
