package dev.mobjectsync.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

import dev.mobjectsync.model.SourceRef;

/**
 * One JSON value per line; blank lines are skipped; a line holding an array yields each element.
 * Each line is decoded on its own, so a line that is not UTF-8 is refused alone ({@code INVALID_ENCODING}),
 * and so is a line longer than the limit ({@code RECORD_TOO_LARGE}), without being held in memory.
 */
public class NdjsonRecordReader implements RecordReader {

    private final InputStream input;
    private final ByteLines lines;
    private final String fileName;
    private final int maxLineBytes;
    private final Deque<InputItem> pending = new ArrayDeque<>();
    private long lineNumber;
    private boolean done;

    public NdjsonRecordReader(InputStream input, String fileName, int maxLineBytes) {
        this.input = input;
        this.lines = new ByteLines(input, maxLineBytes);
        this.fileName = fileName;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty()) {
            ByteLines.Line line = done ? null : readLine();
            if (line == null) {
                done = true;
                return false;
            }
            lineNumber++;
            parse(line);
        }
        return true;
    }

    @Override
    public InputItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    private void parse(ByteLines.Line line) {
        SourceRef source = SourceRef.fileLine(fileName, lineNumber);
        if (line.tooLong()) {
            pending.add(InputItem.unparsable(source, null, ReasonCode.RECORD_TOO_LARGE,
                    "line " + lineNumber + " has " + line.length() + " bytes, more than " + maxLineBytes));
            return;
        }
        JsonText.parse(source, line.bytes(), "line " + lineNumber, pending::add);
    }

    private ByteLines.Line readLine() {
        try {
            return lines.next();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    @Override
    public void close() throws IOException {
        done = true;
        input.close();
    }
}
