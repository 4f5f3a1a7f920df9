package dev.mobjectsync.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Counts the records that reached a file channel (NDJSON lines in {@code data/out/<channel>}) as they
 * arrive, reading only the bytes appended since the last look.
 */
final class ChannelCounter {

    private final Path dir;
    private final Map<Path, Long> offsets = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long lines;

    ChannelCounter(Path workDir, String channel) {
        this.dir = workDir.resolve("data/out").resolve(channel);
    }

    long count() throws IOException {
        if (!Files.isDirectory(dir)) {
            return lines;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
        for (Path file : files) {
            long offset = offsets.getOrDefault(file, 0L);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(offset);
                int read;
                while ((read = channel.read(buffer.clear())) > 0) {
                    for (int i = 0; i < read; i++) {
                        if (buffer.get(i) == '\n') {
                            lines++;
                        }
                    }
                    offset += read;
                }
            }
            offsets.put(file, offset);
        }
        return lines;
    }
}
