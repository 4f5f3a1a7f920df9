package dev.mobjectsync.record;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.mobjectsync.model.SourceRef;

/**
 * A {@code .csv} file with a header row; each row becomes a JSON record through {@link CsvColumns}.
 * A row with the wrong number of cells, or with a NUL byte, is refused on its own. A header that cannot be used, a row the
 * parser cannot read (an unterminated quote) or bytes that are not UTF-8 end the file with one
 * unparsable item that says so: the rest of the file is not read, and nothing is dropped silently.
 */
public class CsvRecordReader implements RecordReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setTrim(true)
            .get();

    private final String fileName;
    private CSVParser parser;
    private Iterator<CSVRecord> rows;
    private CsvColumns columns;
    private InputItem next;
    private boolean finished;

    public CsvRecordReader(Reader reader, String fileName) {
        this(reader, fileName, IgnoredFields.channelFieldsOnly());
    }

    public CsvRecordReader(Reader reader, String fileName, IgnoredFields ignored) {
        this.fileName = fileName;
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            this.columns = new CsvColumns(parser.getHeaderNames(), ignored);
            this.rows = parser.iterator();
        } catch (CsvColumns.UnknownColumnException e) {
            finished = true;
            next = InputItem.unparsable(SourceRef.fileLine(fileName, 1), null, ReasonCode.UNKNOWN_COLUMN,
                    "the header row cannot be used: " + e.getMessage() + "; nothing was read");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            next = broken(1, isEncoding(e) ? "the file is not valid UTF-8 near its start; nothing was read"
                    : "the header row cannot be used: " + reason(e), e);
        }
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
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!rows.hasNext()) {
                finished = true;
                return null;
            }
            CSVRecord row = rows.next();
            SourceRef source = SourceRef.fileLine(fileName, row.getRecordNumber() + 1);
            if (row.size() != columns.size()) {
                return InputItem.unparsable(source, String.join(",", row.values()), ReasonCode.CSV_COLUMN_COUNT,
                        "row has " + row.size() + " cells, the header has " + columns.size());
            }
            if (row.stream().anyMatch(cell -> cell.indexOf('\0') >= 0)) {
                return InputItem.unparsable(source, String.join(",", row.values()), ReasonCode.NUL_BYTE,
                        "row holds a NUL byte (binary data, or UTF-16 text?)");
            }
            return InputItem.parsed(source, columns.toRecord(row));
        } catch (UncheckedIOException | IllegalStateException e) {
            return broken(line, reason(e) + "; the rest of the file was not read", e);
        }
    }

    private InputItem broken(long line, String message, Exception e) {
        finished = true;
        return InputItem.unparsable(SourceRef.fileLine(fileName, line), null,
                isEncoding(e) ? ReasonCode.INVALID_ENCODING : ReasonCode.UNPARSABLE_CSV, message);
    }

    private static boolean isEncoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() throws IOException {
        finished = true;
        next = null;
        if (parser != null) {
            parser.close();
        }
    }
}
