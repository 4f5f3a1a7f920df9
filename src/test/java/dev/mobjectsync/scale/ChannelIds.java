package dev.mobjectsync.scale;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.model.Json;

/**
 * The distinct recordIds that reached one file channel ({@code data/out/<channel>}) of several instances, read
 * as the NDJSON files grow: each look reads only the bytes appended since the last one, and only complete
 * lines (a line being written, or torn by a SIGKILL, is not a delivery).
 */
final class ChannelIds {

    private final String channel;
    private final Map<Path, Long> offsets = new HashMap<>();
    private final Set<String> ids = new HashSet<>();

    ChannelIds(String channel) {
        this.channel = channel;
    }

    /** Reads what the instances appended since the last look; answers how many distinct records came out. */
    synchronized int read(Collection<AppProcess> instances) throws IOException {
        for (AppProcess instance : instances) {
            Path dir = instance.workDir().resolve("data/out").resolve(channel);
            if (Files.isDirectory(dir)) {
                List<Path> files;
                try (Stream<Path> listing = Files.list(dir)) {
                    files = listing.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
                }
                for (Path file : files) {
                    readNewLines(file);
                }
            }
        }
        return ids.size();
    }

    private void readNewLines(Path file) throws IOException {
        long offset = offsets.getOrDefault(file, 0L);
        byte[] appended;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size <= offset) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
            while (buffer.hasRemaining() && in.read(buffer, offset + buffer.position()) > 0) {
                // until the size seen above
            }
            appended = buffer.array();
        }
        int start = 0;
        for (int i = 0; i < appended.length; i++) {
            if (appended[i] == '\n') {
                add(new String(appended, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        offsets.put(file, offset + start);
    }

    private void add(String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            ids.add(Json.MAPPER.readTree(line).path("recordId").asText());
        } catch (JsonProcessingException torn) {
            System.out.println("replicas test: torn line skipped: " + line.substring(0, Math.min(80, line.length())));
        }
    }
}
