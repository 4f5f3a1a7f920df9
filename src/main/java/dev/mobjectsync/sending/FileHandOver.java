package dev.mobjectsync.sending;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.support.AsyncProcessorSupport;
import org.jboss.logging.Logger;

import dev.mobjectsync.Headers;
import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.batch.FileUnits;
import dev.mobjectsync.model.Chunk;

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
 * Marketo had answered are not sent again ({@link Checkpoints}). A file's checkpoints go as it moves.
 */
@Singleton
@Named("fileHandOver")
public class FileHandOver extends AsyncProcessorSupport {

    private static final Logger LOG = Logger.getLogger(FileHandOver.class);

    static final String DELIVERY = "MobjectSyncFileDelivery";
    /** Exchange property of a unit: its {@link Checkpoints.Place}. */
    static final String PLACE = "MobjectSyncUnitPlace";
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
        Map<Integer, Checkpoints.Left> left;
        try {
            left = checkpoints.of(source);
        } catch (RuntimeException e) {
            LOG.warnf("%s: its checkpoints cannot be read (%s): it is read as a new file", source, e.getMessage());
            left = Map.of();
        }
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
        unit.setProperty(Headers.UNIT_LEFT, left);
        return !left.done();
    }

    /** The unit's refused records are in the dead-letter channel: a later reading does not write them again. */
    public void refusedWritten(Exchange unit) {
        FileUnits.Sorted sorted = unit.getProperty(Headers.UNIT, FileUnits.Sorted.class);
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
        try {
            stage.holdUnit(chunk, unit.getProperty(Headers.UNIT, FileUnits.Sorted.class).positions(),
                    unit.getProperty(PLACE, Checkpoints.Place.class),
                    unit.getProperty(Headers.UNIT_LEFT, Checkpoints.Left.class), delivery::unitEnded);
        } catch (RuntimeException e) {
            delivery.unitEnded(e);
            throw e;
        }
    }

    /**
     * After the last unit, or after the reading failed: the file's exchange completes (and the file moves)
     * once every unit handed over has ended; its checkpoints go just before. When no other file follows in
     * this look at the inbox, the stage may send calls that are not full.
     */
    @Override
    public boolean process(Exchange file, AsyncCallback callback) {
        if (file.getProperty(Exchange.BATCH_COMPLETE, true, Boolean.class)) {
            // the last file of this look at the inbox: the records that are ready go, full calls or not
            stage.sourceQuiet();
        }
        FileDelivery delivery = delivery(file);
        delivery.whenAllEnded(failure -> {
            // before the move: rows left behind by a crash after it could make a file dropped again under the same
            // name skip units; a crash in between reads the whole file again instead
            try {
                checkpoints.forgetSource(delivery.source);
            } catch (RuntimeException e) {
                LOG.warnf("the checkpoints of %s could not be removed (%s): they go at the next start", delivery.source,
                        e.getMessage());
            }
            if (failure != null && file.getException() == null) {
                file.setException(failure);
            }
            callback.done(false);
        });
        return false;
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
            throw new IllegalStateException(
                    "no file delivery begun on this exchange (fileHandOver.begin missing in the route)");
        }
        return delivery;
    }
}
