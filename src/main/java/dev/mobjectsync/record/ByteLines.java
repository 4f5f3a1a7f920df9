package dev.mobjectsync.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream into lines of raw bytes (on {@code \n}, a trailing {@code \r} removed), so each line
 * can be decoded on its own: one line of bad bytes does not spoil the lines around it. A line longer
 * than the limit is not kept: it is read to its end and reported by its length only, so a huge line
 * (or a file without any newline) never sits in memory.
 */
final class ByteLines {

    /** One line: its bytes, or null when it was longer than the limit; its length in bytes. */
    record Line(byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    ByteLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream line = null;
        long length = 0;
        while (true) {
            if (position == limit) {
                limit = Math.max(in.read(buffer), 0);
                position = 0;
                if (limit == 0) {
                    return line == null ? null : finish(line, length);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(64, Math.min(position - start, maxLineBytes + 1)));
            }
            length += position - start;
            if (length <= maxLineBytes + 1L) {
                line.write(buffer, start, position - start);
            }
            if (position < limit) {
                position++;
                return finish(line, length);
            }
        }
    }

    /** Drops a trailing {@code \r}; a line is too long only when its content (without the {@code \r}) is. */
    private Line finish(ByteArrayOutputStream line, long length) {
        byte[] bytes = length <= maxLineBytes + 1L ? line.toByteArray() : null;
        if (bytes != null && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        if (bytes == null || bytes.length > maxLineBytes) {
            return new Line(null, bytes == null ? length : bytes.length);
        }
        return new Line(bytes, bytes.length);
    }
}
