package dev.mobjectsync.record;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A {@code .csv} file with a header row; each row becomes a JSON record through {@link CsvColumns}.
 * A row with the wrong number of cells is refused on its own; a row the parser cannot read (an
 * unterminated quote) ends the file with one unparsable item.
 */
public class CsvRecordReader implements RecordReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final CsvColumns columns;
    private boolean broken;

    public CsvRecordReader(Reader reader, String fileName) throws IOException {
        this.fileName = fileName;
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.rows = parser.iterator();
        this.columns = new CsvColumns(parser.getHeaderNames());
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            return rows.hasNext();
        } catch (UncheckedIOException e) {
            return true;
        }
    }

    @Override
    public InputItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long line = parser.getCurrentLineNumber() + 1;
        try {
            CSVRecord row = rows.next();
            SourceRef source = SourceRef.fileLine(fileName, row.getRecordNumber() + 1);
            if (!row.isConsistent()) {
                return InputItem.unparsable(source, String.join(",", row.values()), ReasonCode.CSV_COLUMN_COUNT,
                        "row has " + row.size() + " cells, the header has " + columns.size());
            }
            return InputItem.parsed(source, columns.toRecord(row));
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            return InputItem.unparsable(SourceRef.fileLine(fileName, line), null, ReasonCode.UNPARSABLE_CSV,
                    reason + "; the rest of the file was not read");
        }
    }

    @Override
    public void close() throws IOException {
        broken = true;
        parser.close();
    }
}
