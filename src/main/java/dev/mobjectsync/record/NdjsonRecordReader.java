package dev.mobjectsync.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** One JSON value per line; blank lines are skipped; a line holding an array yields each element. */
public class NdjsonRecordReader implements RecordReader {

    private final BufferedReader reader;
    private final String fileName;
    private final Deque<InputItem> pending = new ArrayDeque<>();
    private long lineNumber;
    private boolean done;

    public NdjsonRecordReader(BufferedReader reader, String fileName) {
        this.reader = reader;
        this.fileName = fileName;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty()) {
            String line = done ? null : readLine();
            if (line == null) {
                done = true;
                return false;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                parse(line);
            }
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

    private void parse(String line) {
        SourceRef source = SourceRef.fileLine(fileName, lineNumber);
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            JsonValues.expand(source, node, pending::add);
        } catch (JsonProcessingException e) {
            pending.add(InputItem.unparsable(source, line, ReasonCode.UNPARSABLE_JSON, JsonValues.describe(e)));
        }
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    @Override
    public void close() throws IOException {
        done = true;
        reader.close();
    }
}
