package dev.mobjectsync.record;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One file being read: its bytes read (counted on the stream) and records read (counted by the
 * reader's groups), from which the share done and the rate follow.
 */
public final class FileProgress {

    /** What the status page and the progress log show of a file being read. */
    public record Snapshot(String file, long bytes, long bytesRead, long records, int percent, long recordsPerSecond,
            Instant startedAt) {
    }

    private final String file;
    private final long bytes;
    private final Instant startedAt;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    FileProgress(String file, long bytes, Instant startedAt) {
        this.file = file;
        this.bytes = bytes;
        this.startedAt = startedAt;
    }

    /** The file's stream, counting what is read from it. */
    public InputStream counting(InputStream input) {
        return new FilterInputStream(input) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                bytesRead.addAndGet(skipped);
                return skipped;
            }
        };
    }

    void recordsRead(int count) {
        records.addAndGet(count);
    }

    String file() {
        return file;
    }

    Snapshot snapshot(Instant now) {
        long read = bytesRead.get();
        long millis = Math.max(1, Duration.between(startedAt, now).toMillis());
        int percent = bytes <= 0 ? 100 : (int) Math.min(100, read * 100 / bytes);
        return new Snapshot(file, bytes, read, records.get(), percent, records.get() * 1000 / millis, startedAt);
    }
}
