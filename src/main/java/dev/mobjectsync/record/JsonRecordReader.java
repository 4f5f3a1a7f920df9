package dev.mobjectsync.record;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code .json} file: one record, an array of records, or several values one after the other.
 * Array elements are read one by one with a streaming parser, so a large array never sits in memory.
 * Elements of an array are referenced {@code file#line[index]}, so each has its own ref even on one line.
 * Broken JSON cannot be resynchronised: the rest of the file becomes one unparsable item.
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
            JsonNode node = Json.VALUE_READER.readTree(parser);
            SourceRef source = SourceRef.fileLine(fileName, line);
            return InputItem.parsed(insideArray ? source.element(element++) : source, node);
        } catch (CharConversionException e) {
            finished = true;
            return InputItem.unparsable(SourceRef.fileLine(fileName, line), null, ReasonCode.INVALID_ENCODING,
                    "the file is not valid UTF-8 (" + e.getMessage() + "); the rest of the file was not read");
        } catch (JsonProcessingException e) {
            finished = true;
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            return InputItem.unparsable(SourceRef.fileLine(fileName, at), null, ReasonCode.UNPARSABLE_JSON,
                    JsonValues.describe(e) + "; the rest of the file was not read");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    @Override
    public void close() throws IOException {
        finished = true;
        parser.close();
    }
}
