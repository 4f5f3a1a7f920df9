package dev.mobjectsync.record;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.SourceRef;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Picks the reader for a dropped file by its extension; the file route splits on what it returns.
 * A file that holds nothing but white space (or a byte order mark) yields one {@code EMPTY_FILE} item,
 * so an export that came out empty is seen in the dead-letter channel rather than vanishing.
 */
@ApplicationScoped
@Named("recordReaders")
public class RecordReaders {

    private final int maxLineBytes;
    private final FilesInProgress filesInProgress;
    private IgnoredFields ignored = IgnoredFields.channelFieldsOnly();

    @Inject
    public RecordReaders(SyncConfig config, FilesInProgress filesInProgress) {
        this(config.validation().maxMessageBytes(), filesInProgress);
        this.ignored = new IgnoredFields(config.validation().ignoredFields().orElse(Set.of()));
    }

    /** {@code maxLineBytes}: an NDJSON line longer than this is refused ({@code RECORD_TOO_LARGE}). */
    public RecordReaders(int maxLineBytes) {
        this(maxLineBytes, new FilesInProgress(Duration.ofMinutes(1), Clock.systemUTC()));
    }

    public RecordReaders(int maxLineBytes, FilesInProgress filesInProgress) {
        this.maxLineBytes = maxLineBytes;
        this.filesInProgress = filesInProgress;
    }

    /**
     * The file's items in groups of {@code groupSize} (the file route's unit of parallel work), its
     * progress tracked in {@link FilesInProgress} until the groups are closed or run out.
     */
    public ItemGroups openInGroups(InputStream input, String fileName, long fileLength, int groupSize)
            throws IOException {
        FileProgress progress = filesInProgress.started(fileName, fileLength);
        try {
            return new ItemGroups(open(progress.counting(input), fileName), groupSize,
                    count -> filesInProgress.advanced(progress, count), () -> filesInProgress.finished(progress));
        } catch (IOException | RuntimeException e) {
            filesInProgress.finished(progress);
            throw e;
        }
    }

    public RecordReader open(InputStream input, String fileName) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
        if (BlankInput.isBlank(buffered)) {
            buffered.close();
            return new SingleItemReader(InputItem.unparsable(SourceRef.fileLine(fileName, 1), "", ReasonCode.EMPTY_FILE,
                    "the file holds no record, nothing but white space"));
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvRecordReader(new BufferedReader(Utf8.strictReader(buffered), 64 * 1024), fileName, ignored);
        }
        if (name.endsWith(".json")) {
            return new JsonRecordReader(buffered, fileName);
        }
        return new NdjsonRecordReader(buffered, fileName, maxLineBytes);
    }
}
