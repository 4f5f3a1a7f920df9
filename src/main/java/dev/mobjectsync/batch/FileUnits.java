package dev.mobjectsync.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.Handler;

import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.record.InputItem;
import dev.mobjectsync.record.RecordAcceptor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The file route's unit of work: a group of consecutive items of one file, validated and sorted into
 * refused records (dead-letter outcomes) and a chunk of the valid ones in line order, which goes to the
 * sending stage as it is (FileHandOver). Units are handed over one after the other, so a file's records
 * reach the sending stage in line order.
 */
@ApplicationScoped
@Named("fileUnits")
public class FileUnits {

    /** One unit, sorted; {@code positions[i]} is the place in the unit of the i-th valid record. */
    public record Sorted(List<RecordOutcome> refused, Chunk valid, int[] positions) {
    }

    private final RecordAcceptor acceptor;
    private final int unitSize;

    @Inject
    public FileUnits(RecordAcceptor acceptor, BatchSizes sizes) {
        this(acceptor, sizes.largest());
    }

    public FileUnits(RecordAcceptor acceptor, int unitSize) {
        this.acceptor = acceptor;
        this.unitSize = unitSize;
    }

    /** How many items a unit holds: one call's worth of the type the gateway takes most of. */
    public int size() {
        return unitSize;
    }

    @Handler
    public Sorted sort(List<InputItem> items) {
        List<RecordOutcome> refused = new ArrayList<>();
        List<SyncRecord> valid = new ArrayList<>(items.size());
        int[] positions = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Object checked = acceptor.check(items.get(i));
            if (checked instanceof SyncRecord record) {
                positions[valid.size()] = i;
                valid.add(record);
            } else {
                refused.add((RecordOutcome) checked);
            }
        }
        return new Sorted(refused, Chunk.of(valid), Arrays.copyOf(positions, valid.size()));
    }
}
