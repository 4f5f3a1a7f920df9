package dev.mobjectsync.sending;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Ordered;
import org.apache.camel.support.SynchronizationAdapter;
import org.jboss.logging.Logger;

import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.batch.Chunk;
import dev.mobjectsync.batch.FileUnits;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The file source's way into the sending stage. A file's units of valid records go to the stage as they are
 * read, in line order, without a batch repository in between: the file itself is their safe place until it
 * moves to .done/, which happens only once every record of it is in a channel or, when the application stops
 * before they are sent, kept in the repository for the next start ({@link SendingStage#holdUnit}). The next
 * file's units follow the last unit of the one before.
 * <p>
 * After a crash the file is read again, and the checkpoints say what not to do twice: units done before are
 * skipped, a unit's refused records already in the dead-letter channel are not written again, and its records
 * Marketo had answered are not sent again ({@link Checkpoints}). A file's checkpoints go once it has moved.
 */
@Singleton
@Named("fileHandOver")
public class FileHandOver implements AsyncProcessor {

    private static final Logger LOG = Logger.getLogger(FileHandOver.class);

    static final String DELIVERY = "MobjectSyncFileDelivery";
    /** Exchange property of a unit: its {@link Checkpoints.Place}. */
    static final String PLACE = "MobjectSyncUnitPlace";
    /** Exchange property of a unit: what earlier runs settled of it ({@link Checkpoints.Left}). */
    public static final String LEFT = "MobjectSyncUnitLeft";
    private static final String FILE = "file:";
    private static final String ABSOLUTE_PATH = "CamelFileAbsolutePath";

    private final SendingStage stage;
    private final Checkpoints checkpoints;
    private final FileUnits units;

    @Inject
    public FileHandOver(SendingStage stage, Checkpoints checkpoints, FileUnits units) {
        this.stage = stage;
        this.checkpoints = checkpoints;
        this.units = units;
    }

    /** A file is picked up: its units are counted from here, against what earlier runs settled of it. */
    public void begin(Exchange file) {
        // the units' size is part of the file's identity: a unit's records are named by their place in it
        String source = FILE + units.size() + "|" + file.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class) + "|"
                + file.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class) + "|"
                + file.getMessage().getHeader(ABSOLUTE_PATH, String.class);
        Map<Integer, Checkpoints.Left> left = checkpoints.of(source);
        if (!left.isEmpty()) {
            LOG.infof("%s is read again after a stop: %d of its units were done and are skipped",
                    file.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                    left.values().stream().filter(Checkpoints.Left::done).count());
        }
        file.setProperty(DELIVERY, new FileDelivery(source, left));
    }

    /** The next unit of the file: false when an earlier run did it all (it is skipped). */
    public boolean nextUnitToRead(Exchange unit) {
        FileDelivery delivery = delivery(unit);
        int index = delivery.nextUnit();
        Checkpoints.Left left = delivery.left(index);
        unit.setProperty(PLACE, new Checkpoints.Place(delivery.source, index));
        unit.setProperty(LEFT, left);
        return !left.done();
    }

    /** The unit's refused records are in the dead-letter channel: a later reading does not write them again. */
    public void refusedWritten(Exchange unit) {
        FileUnits.Sorted sorted = unit.getProperty(FileUnits.UNIT, FileUnits.Sorted.class);
        Checkpoints.Place place = unit.getProperty(PLACE, Checkpoints.Place.class);
        try {
            if (sorted.valid().isEmpty()) {
                checkpoints.unitDone(place);
            } else {
                checkpoints.refusedWritten(place);
            }
        } catch (RuntimeException e) {
            LOG.warnf("unit %d of %s: its refused records are written, but the checkpoint could not say so (%s): "
                    + "after a crash they are written again", place.unit(), place.source(), e.getMessage());
        }
    }

    /** One unit's valid records (a {@link Chunk}): the source waits while the stage is full, then hands them over. */
    public void hand(Exchange unit) throws InterruptedException, InvalidPayloadException {
        Chunk chunk = unit.getMessage().getMandatoryBody(Chunk.class);
        FileDelivery delivery = delivery(unit);
        stage.awaitRoom();
        delivery.unitHeld();
        stage.holdUnit(chunk, unit.getProperty(FileUnits.UNIT, FileUnits.Sorted.class).positions(),
                unit.getProperty(PLACE, Checkpoints.Place.class),
                unit.getProperty(LEFT, Checkpoints.Left.class), delivery::unitEnded);
    }

    /**
     * After the last unit: the file's exchange completes (and the file moves) once every unit has ended; once
     * it has moved, its checkpoints go. When no other file follows in this look at the inbox, the stage may
     * send calls that are not full.
     */
    @Override
    public boolean process(Exchange file, AsyncCallback callback) {
        if (file.getProperty(Exchange.BATCH_COMPLETE, true, Boolean.class)) {
            // the last file of this look at the inbox: the records that are ready go, full calls or not
            stage.sourceQuiet();
        }
        FileDelivery delivery = delivery(file);
        file.getExchangeExtension().addOnCompletion(new ForgetOnceMoved(delivery.source));
        delivery.whenAllEnded(failure -> {
            if (failure != null) {
                file.setException(failure);
            }
            callback.done(false);
        });
        return false;
    }

    @Override
    public void process(Exchange file) {
        throw new UnsupportedOperationException("the file hand-over is asynchronous");
    }

    @Override
    public CompletableFuture<Exchange> processAsync(Exchange file) {
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        process(file, sync -> done.complete(file));
        return done;
    }

    /** Whether a checkpoints source names a file that is still where it was read (else its rows are stale). */
    public static boolean fileStillThere(String source) {
        if (!source.startsWith(FILE)) {
            return false;
        }
        String[] parts = source.substring(FILE.length()).split("\\|", 4);
        return parts.length == 4 && Files.exists(Path.of(parts[3]));
    }

    public static boolean isFile(String source) {
        return source.startsWith(FILE);
    }

    private static FileDelivery delivery(Exchange exchange) {
        FileDelivery delivery = exchange.getProperty(DELIVERY, FileDelivery.class);
        if (delivery == null) {
            throw new IllegalStateException("no file delivery begun on this exchange (fileHandOver.begin missing in the route)");
        }
        return delivery;
    }

    /** Runs after the file consumer's own completion (the move): the file's checkpoints go. */
    private final class ForgetOnceMoved extends SynchronizationAdapter implements Ordered {

        private final String source;

        ForgetOnceMoved(String source) {
            this.source = source;
        }

        @Override
        public void onDone(Exchange file) {
            try {
                checkpoints.forgetSource(source);
            } catch (RuntimeException e) {
                LOG.warnf("the checkpoints of a moved file could not be removed (%s): they go at the next start",
                        e.getMessage());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }
    }
}
