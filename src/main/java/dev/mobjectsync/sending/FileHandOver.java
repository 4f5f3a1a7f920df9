package dev.mobjectsync.sending;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

import dev.mobjectsync.batch.Chunk;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The file source's way into the sending stage. A file's units of valid records go to the stage as they are
 * read, in line order, without a batch repository in between: the file itself is their safe place until it
 * moves to .done/, which happens only once every record of it is in a channel or, when the application stops
 * before they are sent, kept in the repository for the next start ({@link SendingStage#holdUnit}). The next
 * file's units follow the last unit of the one before.
 */
@Singleton
@Named("fileHandOver")
public class FileHandOver implements AsyncProcessor {

    static final String DELIVERY = "MobjectSyncFileDelivery";

    private final SendingStage stage;

    @Inject
    public FileHandOver(SendingStage stage) {
        this.stage = stage;
    }

    /** A file is picked up: its units are counted from here. */
    public void begin(Exchange file) {
        file.setProperty(DELIVERY, new FileDelivery());
    }

    /** One unit's valid records (a {@link Chunk}): the source waits while the stage is full, then hands them over. */
    public void hand(Exchange unit) throws InterruptedException, InvalidPayloadException {
        Chunk chunk = unit.getMessage().getMandatoryBody(Chunk.class);
        FileDelivery delivery = delivery(unit);
        stage.awaitRoom();
        delivery.unitHeld();
        stage.holdUnit(chunk, delivery::unitEnded);
    }

    /**
     * After the last unit: the file's exchange completes (and the file moves) once every unit has ended. When
     * no other file follows in this look at the inbox, the stage may send calls that are not full.
     */
    @Override
    public boolean process(Exchange file, AsyncCallback callback) {
        if (file.getProperty(Exchange.BATCH_COMPLETE, true, Boolean.class)) {
            // the last file of this look at the inbox: the records that are ready go, full calls or not
            stage.sourceQuiet();
        }
        delivery(file).whenAllEnded(failure -> {
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

    private static FileDelivery delivery(Exchange exchange) {
        FileDelivery delivery = exchange.getProperty(DELIVERY, FileDelivery.class);
        if (delivery == null) {
            throw new IllegalStateException("no file delivery begun on this exchange (fileHandOver.begin missing in the route)");
        }
        return delivery;
    }
}
