package dev.mobjectsync.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.record.Json;

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
