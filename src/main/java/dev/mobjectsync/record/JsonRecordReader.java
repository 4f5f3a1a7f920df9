package dev.mobjectsync.record;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.SourceRef;

/**
 * A {@code .json} file: one record, an array of records, or several values one after the other.
 * Array elements are read one by one with a streaming parser, so a large array never sits in memory.
 * Elements of an array are referenced {@code file#line[index]}, so each has its own ref even on one line.
 * Broken JSON (or JSON nested too deep) cannot be resynchronised: the rest of the file becomes one
 * unparsable item. A value with a duplicate field is refused alone ({@code DUPLICATE_FIELD}).
 */
public class JsonRecordReader implements RecordReader {

    private final JsonParser parser;
    private final String fileName;
    private boolean insideArray;
    private int element;
    private boolean finished;
    private InputItem next;

    public JsonRecordReader(InputStream input, String fileName) throws IOException {
        this.parser = Json.MAPPER.createParser(input);
        this.fileName = fileName;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = read();
        }
        return next != null;
    }

    @Override
    public InputItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        InputItem item = next;
        next = null;
        return item;
    }

    private InputItem read() {
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken token = parser.nextToken();
            if (insideArray && token == JsonToken.END_ARRAY) {
                insideArray = false;
                token = parser.nextToken();
            }
            if (!insideArray && token == JsonToken.START_ARRAY) {
                insideArray = true;
                element = 0;
                token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    insideArray = false;
                    return read();
                }
            }
            if (token == null) {
                finished = true;
                return null;
            }
            line = parser.currentTokenLocation().getLineNr();
            SourceRef source = SourceRef.fileLine(fileName, line);
            source = insideArray ? source.element(element++) : source;
            int depth = depth(parser.getParsingContext().getParent());
            try {
                return InputItem.parsed(source, Json.VALUE_READER.readTree(parser));
            } catch (JsonProcessingException e) {
                if (!JsonFailures.isDuplicateField(e)) {
                    throw e;
                }
                skipRestOfValue(depth);
                return InputItem.unparsable(source, null, ReasonCode.DUPLICATE_FIELD, JsonValues.describe(e));
            }
        } catch (CharConversionException e) {
            finished = true;
            return InputItem.unparsable(SourceRef.fileLine(fileName, line), null, ReasonCode.INVALID_ENCODING,
                    "the file is not valid UTF-8 (" + e.getMessage() + "); the rest of the file was not read");
        } catch (JsonProcessingException e) {
            finished = true;
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            return InputItem.unparsable(SourceRef.fileLine(fileName, at), null, JsonFailures.code(e),
                    JsonValues.describe(e) + "; the rest of the file was not read");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /**
     * After a value was refused for a duplicate field (the parser itself is fine), reads on to the end of
     * that value, so the next value of the file is read as usual.
     */
    private void skipRestOfValue(int depth) throws IOException {
        while (depth(parser.getParsingContext()) > depth) {
            if (parser.nextToken() == null) {
                return;
            }
        }
    }

    private static int depth(JsonStreamContext context) {
        int depth = 0;
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            depth++;
        }
        return depth;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        parser.close();
    }
}
