package dev.mobjectsync.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One JSON value per line; blank lines are skipped; a line holding an array yields each element.
 * Each line is decoded on its own, so a line that is not UTF-8 is refused alone ({@code INVALID_ENCODING}).
 */
public class NdjsonRecordReader implements RecordReader {

    private final InputStream input;
    private final ByteLines lines;
    private final String fileName;
    private final Deque<InputItem> pending = new ArrayDeque<>();
    private long lineNumber;
    private boolean done;

    public NdjsonRecordReader(InputStream input, String fileName) {
        this.input = input;
        this.lines = new ByteLines(input);
        this.fileName = fileName;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty()) {
            byte[] line = done ? null : readLine();
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

    private void parse(byte[] bytes) {
        SourceRef source = SourceRef.fileLine(fileName, lineNumber);
        String line;
        try {
            line = Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            pending.add(InputItem.unparsable(source, null, ReasonCode.INVALID_ENCODING,
                    "line " + lineNumber + " is not valid UTF-8"));
            return;
        }
        if (line.isBlank()) {
            return;
        }
        try {
            JsonValues.expand(source, Json.MAPPER.readTree(line), pending::add);
        } catch (JsonProcessingException e) {
            pending.add(InputItem.unparsable(source, line, ReasonCode.UNPARSABLE_JSON, JsonValues.describe(e)));
        }
    }

    private byte[] readLine() {
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
