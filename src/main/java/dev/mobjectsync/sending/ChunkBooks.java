package dev.mobjectsync.sending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.jboss.logging.Logger;

import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.batch.SharedBatchRepository;
import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.RecordOutcome;

/**
 * The sending stage's books on what its chunks delivered, in the repository and the checkpoints: what an
 * earlier run settled of a chunk or unit (settled again without a call), what a chunk or a file's unit
 * did not deliver in this run (kept for the next start or recovery), and the units done.
 */
final class ChunkBooks {

    private static final Logger LOG = Logger.getLogger(SendingStage.class);

    private final CamelContext camel;
    private final SharedBatchRepository repository;
    private final Checkpoints checkpoints;

    ChunkBooks(CamelContext camel, SharedBatchRepository repository, Checkpoints checkpoints) {
        this.camel = camel;
        this.repository = repository;
        this.checkpoints = checkpoints;
    }

    /**
     * What a run before a crash settled of a chunk or unit: records in a channel stay settled; records Marketo
     * had answered get their stored outcome written to their channel now, without a call. Returns the indexes
     * (in the chunk) settled.
     */
    Set<Integer> settle(Ticket ticket, Checkpoints.Left left, ProducerTemplate template) {
        Set<Integer> settled = new HashSet<>();
        List<RecordOutcome> again = new ArrayList<>();
        List<Integer> answered = new ArrayList<>();
        for (int i = 0; i < ticket.chunk.size(); i++) {
            int position = ticket.position(i);
            if (left.written().contains(position)) {
                settled.add(i);
            } else if (left.answered().containsKey(position)) {
                again.add(left.answered().get(position));
                answered.add(i);
            }
        }
        if (!again.isEmpty()) {
            Exchange delivery = new DefaultExchange(camel);
            delivery.getMessage().setBody(again);
            template.send("direct:results", delivery);
            if (delivery.getException() == null) {
                settled.addAll(answered);
                try {
                    checkpoints.rewritten(ticket.place);
                } catch (RuntimeException e) {
                    LOG.debugf("checkpoint of %s not updated: %s", ticket.chunkId, e.getMessage());
                }
            }
        }
        if (!settled.isEmpty()) {
            LOG.infof("%s: %d record(s) answered before the last stop are not sent again (%d of them written to their "
                    + "channel now)", ticket.chunkId, settled.size(), answered.size());
        }
        return settled;
    }

    /** What earlier runs settled of a place; null (nothing known: all is sent) when the checkpoints cannot be read. */
    Checkpoints.Left leftOf(Checkpoints.Place place) {
        try {
            return checkpoints.of(place);
        } catch (RuntimeException e) {
            LOG.warnf("chunk %s: its checkpoints cannot be read (%s): records a previous run delivered may be "
                    + "delivered again", place.source(), e.getMessage());
            return null;
        }
    }

    /** A chunk partly delivered: the repository keeps only the rest, so the next start sends nothing twice. */
    void keepWhatIsNotWritten(Ticket ticket) {
        Chunk rest = ticket.notWritten();
        if (rest == null) {
            return;
        }
        try {
            repository.keepOnly(camel, ticket.chunkId, rest);
        } catch (RuntimeException e) {
            LOG.warnf("chunk %s: %d of its %d records were delivered, but the repository could not be told (%s): "
                    + "they will be delivered again after the restart", ticket.chunkId, ticket.chunk.size() - rest
                            .size(),
                    ticket.chunk.size(), e.getMessage());
        }
    }

    /**
     * A unit of a file whose records were not all delivered: the rest goes into the repository, completed, for
     * the next start or recovery; null once it is there, else the reason it is not.
     */
    Throwable keepInRepository(Ticket ticket, Throwable why) {
        Chunk rest = ticket.notWritten();
        Chunk kept = rest != null ? rest : ticket.chunk;
        try {
            String chunkId = repository.keepCompleted(camel, kept);
            LOG.debugf("%d record(s) of a file not delivered in this run (%s) kept in the repository as chunk %s",
                    kept.size(), why.getMessage(), chunkId);
            return null;
        } catch (RuntimeException e) {
            LOG.errorf("%d record(s) of a file were neither delivered (%s) nor kept in the repository (%s): the file "
                    + "goes to .failed/", kept.size(), why.getMessage(), e.getMessage());
            e.addSuppressed(why);
            return e;
        }
    }

    /** A unit of a file is done: a later reading of the file skips it. */
    void unitDone(Checkpoints.Place place) {
        try {
            checkpoints.unitDone(place);
        } catch (RuntimeException e) {
            LOG.warnf("unit %d of %s is done, but its checkpoint could not be written (%s): after a crash its "
                    + "records are read again", place.unit(), place.source(), e.getMessage());
        }
    }
}
