package dev.mobjectsync.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Picks the reader for a dropped file by its extension; the file route splits on what it returns. */
@ApplicationScoped
@Named("recordReaders")
public class RecordReaders {

    public RecordReader open(InputStream input, String fileName) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvRecordReader(new BufferedReader(Utf8.strictReader(input), 64 * 1024), fileName);
        }
        if (name.endsWith(".json")) {
            return new JsonRecordReader(input, fileName);
        }
        return new NdjsonRecordReader(input, fileName);
    }
}
