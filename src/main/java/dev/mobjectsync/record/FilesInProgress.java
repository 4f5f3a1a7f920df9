package dev.mobjectsync.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The files being read now. A file that takes longer than {@code sources.file.progress-interval} logs
 * its progress (records read, share of its bytes, records per second) once per interval, and its end;
 * the status page lists them all.
 */
@ApplicationScoped
public class FilesInProgress {

    private static final Logger LOG = Logger.getLogger(FilesInProgress.class);

    private final Duration interval;
    private final Clock clock;
    private final Map<FileProgress, Instant> nextLog = new ConcurrentHashMap<>();

    @Inject
    public FilesInProgress(SyncConfig config, Clock clock) {
        this(config.sources().file().progressInterval(), clock);
    }

    public FilesInProgress(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    public FileProgress started(String file, long bytes) {
        Instant now = clock.instant();
        FileProgress progress = new FileProgress(file, bytes, now);
        nextLog.put(progress, now.plus(interval));
        return progress;
    }

    /** {@code count} more records of the file were read; logs the progress when it is due. */
    public void advanced(FileProgress progress, int count) {
        progress.recordsRead(count);
        Instant now = clock.instant();
        Instant due = nextLog.get(progress);
        if (due != null && !now.isBefore(due) && nextLog.replace(progress, due, now.plus(interval))) {
            FileProgress.Snapshot s = progress.snapshot(now);
            LOG.infof("reading %s: %d records, %d%% of %d bytes, %d records/s", s.file(), s.records(), s.percent(),
                    s.bytes(), s.recordsPerSecond());
        }
    }

    public void finished(FileProgress progress) {
        Instant due = nextLog.remove(progress);
        if (due == null) {
            return;
        }
        FileProgress.Snapshot s = progress.snapshot(clock.instant());
        if (!clock.instant().isBefore(s.startedAt().plus(interval))) {
            LOG.infof("read %s: %d records in %d s, %d records/s", s.file(), s.records(),
                    Duration.between(s.startedAt(), clock.instant()).toSeconds(), s.recordsPerSecond());
        }
    }

    public List<FileProgress.Snapshot> now() {
        Instant now = clock.instant();
        List<FileProgress.Snapshot> files = new ArrayList<>();
        nextLog.keySet().forEach(progress -> files.add(progress.snapshot(now)));
        files.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return files;
    }
}
