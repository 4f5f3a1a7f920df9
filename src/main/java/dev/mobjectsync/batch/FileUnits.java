package dev.mobjectsync.batch;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Handler;

import dev.mobjectsync.outcome.RecordOutcome;
import dev.mobjectsync.record.InputItem;
import dev.mobjectsync.record.RecordAcceptor;
import dev.mobjectsync.record.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The file route's unit of work: a group of consecutive items of one file, validated and sorted into
 * refused records (dead-letter outcomes), full batches (as many records of one kind as a call takes,
 * no Marketo object twice) and partial chunks. Full batches are sent at once; partial chunks join the
 * aggregator's batches. A full batch needs no trip through the repository: its file stays in the inbox
 * until every unit of it is done, so a crash before that reads the file again.
 */
@ApplicationScoped
@Named("fileUnits")
public class FileUnits {

    /** One unit, sorted. */
    public record Sorted(List<RecordOutcome> refused, List<Batch> full, List<Batch> partial) {
    }

    private final RecordAcceptor acceptor;
    private final FileChunks chunks;
    private final int batchSize;

    @Inject
    public FileUnits(RecordAcceptor acceptor, FileChunks chunks, BatchSizes sizes) {
        this(acceptor, chunks, sizes.largest());
    }

    public FileUnits(RecordAcceptor acceptor, FileChunks chunks, int batchSize) {
        this.acceptor = acceptor;
        this.chunks = chunks;
        this.batchSize = batchSize;
    }

    /** How many items a unit holds: one call's worth of the type the gateway takes most of. */
    public int size() {
        return batchSize;
    }

    @Handler
    public Sorted sort(List<InputItem> items) {
        List<RecordOutcome> refused = new ArrayList<>();
        List<Batch> full = new ArrayList<>();
        List<Batch> partial = new ArrayList<>();
        FileChunks.Open open = chunks.open();
        for (InputItem item : items) {
            Object checked = acceptor.check(item);
            if (checked instanceof SyncRecord record) {
                chunks.add(record, open).forEach(chunk -> (chunks.full(chunk) ? full : partial).add(chunk));
            } else {
                refused.add((RecordOutcome) checked);
            }
        }
        partial.addAll(chunks.rest(open));
        return new Sorted(refused, full, partial);
    }
}
