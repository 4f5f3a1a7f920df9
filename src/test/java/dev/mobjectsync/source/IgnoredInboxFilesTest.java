package dev.mobjectsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the file route never reads is said once, by name; dot-files and readable files are not. */
class IgnoredInboxFilesTest {

    @TempDir
    Path inbox;

    @Test
    void eachIgnoredFileIsWarnedOnceWhileItStays() throws Exception {
        for (String name : List.of("notes.txt", "export.CSV", ".drop.part", "a.ndjson", "b.json", "c.csv")) {
            Files.writeString(inbox.resolve(name), "x");
        }
        Files.createDirectories(inbox.resolve("archive"));
        IgnoredInboxFiles files = new IgnoredInboxFiles(inbox);
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(IgnoredInboxFiles.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null
                            ? new Object[0] : record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            files.look();
            files.look();
            assertEquals(List.of("export.CSV", "notes.txt"), files.now());
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("notes.txt")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("export.CSV")), warnings.toString());

            Files.delete(inbox.resolve("notes.txt"));
            files.look();
            assertEquals(List.of("export.CSV"), files.now());
            assertEquals(2, warnings.size(), "a file gone is no new warning");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void theFileRouteReadsExactlyTheNamesThatAreNotReported() throws Exception {
        String route = Files.readString(Path.of("routes/ingest-file.camel.yaml"));
        String include = "include: \"" + IgnoredInboxFiles.READ.replace("\\", "\\\\") + "\"";
        assertTrue(route.contains(include), "routes/ingest-file.camel.yaml must " + include);
    }
}
