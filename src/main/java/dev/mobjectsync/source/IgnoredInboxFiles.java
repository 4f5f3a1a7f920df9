package dev.mobjectsync.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Files in the inbox that the file route will never read (not {@code *.ndjson}, {@code *.json} or
 * {@code *.csv}; dot-files are the documented way to write a file before it is complete, so they are not
 * reported): one WARN per file name while it stays, and the list for the status page. Called by the
 * {@code watch-inbox} timer route.
 */
@ApplicationScoped
@Named("ignoredInboxFiles")
public class IgnoredInboxFiles {

    /** The names the file route reads: its {@code include} option (routes/ingest-file.camel.yaml). */
    public static final String READ = ".*\\.(ndjson|json|csv)";
    private static final Pattern READ_PATTERN = Pattern.compile(READ);
    private static final Logger LOG = Logger.getLogger(IgnoredInboxFiles.class);

    private final Path inbox;
    private final Set<String> reported = new ConcurrentSkipListSet<>();

    @Inject
    public IgnoredInboxFiles(SyncConfig config) {
        this(Path.of(config.sources().file().inbox()));
    }

    public IgnoredInboxFiles(Path inbox) {
        this.inbox = inbox;
    }

    /** Looks at the inbox once: a newly ignored file is reported, one gone is forgotten. */
    public void look() {
        Set<String> ignored = new TreeSet<>();
        if (Files.isDirectory(inbox)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!name.startsWith(".") && !READ_PATTERN.matcher(name).matches() && Files.isRegularFile(entry)) {
                        ignored.add(name);
                    }
                }
            } catch (IOException e) {
                LOG.debugf("the inbox %s could not be listed: %s", inbox, e.getMessage());
                return;
            }
        }
        for (String name : ignored) {
            if (reported.add(name)) {
                LOG.warnf("%s in the inbox %s is ignored: only *.ndjson, *.json and *.csv files are read (names are"
                        + " case-sensitive); rename it to be read, or move it away", name, inbox);
            }
        }
        reported.retainAll(ignored);
    }

    /** The ignored files in the inbox now, by name. */
    public List<String> now() {
        return List.copyOf(reported);
    }
}
