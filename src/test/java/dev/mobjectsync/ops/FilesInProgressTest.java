package dev.mobjectsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.SteppedClock;
import dev.mobjectsync.record.FileProgress;
import dev.mobjectsync.record.FilesInProgress;
import dev.mobjectsync.record.ItemGroups;
import dev.mobjectsync.record.RecordReaders;

class FilesInProgressTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(FilesInProgress.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void aLongReadLogsRecordsShareAndRateOncePerIntervalAndIsListedUntilItEnds() throws Exception {
        SteppedClock clock = new SteppedClock();
        FilesInProgress files = new FilesInProgress(Duration.ofSeconds(10), clock);
        byte[] content = IntStream.range(0, 5000)
                .mapToObj(i -> "{\"recordId\":\"r" + i + "\",\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"n" + i
                        + "\"}}")
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);

        try (ItemGroups groups = new RecordReaders(1 << 20, files).openInGroups(new ByteArrayInputStream(content),
                "big.ndjson", content.length, 100)) {
            for (int i = 0; i < 10; i++) {
                groups.next();
            }
            assertEquals(0, logged.size(), "nothing to tell before the interval: " + logged);
            clock.advance(Duration.ofSeconds(10));
            groups.next();
            assertEquals(1, logged.size(), logged.toString());
            assertTrue(logged.get(0).matches("reading big\\.ndjson: 1100 records, \\d+% of " + content.length
                    + " bytes, 110 records/s"), logged.get(0));
            List<FileProgress.Snapshot> now = files.now();
            assertEquals(1, now.size());
            assertEquals(1100, now.get(0).records());
            assertTrue(now.get(0).percent() > 0 && now.get(0).percent() < 100, "read ahead of 64 kB only: " + now);

            clock.advance(Duration.ofSeconds(5));
            groups.next();
            assertEquals(1, logged.size(), "once per interval");
            while (groups.hasNext()) {
                groups.next();
            }
        }
        assertEquals(List.of(), files.now(), "a file read to its end is no longer in progress");
        assertTrue(logged.get(logged.size() - 1).startsWith("read big.ndjson: 5000 records in 15 s"), logged
                .toString());
    }
}
