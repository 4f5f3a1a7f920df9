package dev.mobjectsync.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records bound for one syncMObjects call: one operation, one type, no Marketo key twice.
 * Serializable so that a persistent aggregation repository can hold it.
 */
public class Batch implements Serializable {

    private final String batchId = UUID.randomUUID().toString();
    private final String operation;
    private final String type;
    private final List<SyncRecord> records = new ArrayList<>();
    private final Set<String> marketoKeys = new HashSet<>();

    public Batch(String operation, String type) {
        this.operation = operation;
        this.type = type;
    }

    public static Batch of(SyncRecord first) {
        Batch batch = new Batch(first.operation(), first.type());
        batch.add(first);
        return batch;
    }

    public void add(SyncRecord record) {
        if (!record.operation().equals(operation) || !record.type().equals(type)) {
            throw new IllegalArgumentException("record " + record.recordId() + " (" + record.batchKey()
                    + ") does not belong in a " + operation + ":" + type + " batch");
        }
        if (holdsKeyOf(record)) {
            throw new IllegalArgumentException("batch already holds an object with key " + record.marketoKeys());
        }
        marketoKeys.addAll(record.marketoKeys());
        records.add(record);
    }

    /** True when one of the record's Marketo keys (id, external key) is already in this batch: it must wait. */
    public boolean holdsKeyOf(SyncRecord record) {
        for (String key : record.marketoKeys()) {
            if (marketoKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Two new batches, the first half of the records and the rest, for a batch that must be split. */
    public List<Batch> halves() {
        int middle = records.size() / 2;
        Batch first = new Batch(operation, type);
        Batch second = new Batch(operation, type);
        records.subList(0, middle).forEach(first::add);
        records.subList(middle, records.size()).forEach(second::add);
        return List.of(first, second);
    }

    /** The aggregation's correlation key, as {@link SyncRecord#batchKey()} of its records. */
    public String batchKey() {
        return operation + ":" + type;
    }

    public String batchId() {
        return batchId;
    }

    public String operation() {
        return operation;
    }

    public String type() {
        return type;
    }

    public List<SyncRecord> records() {
        return records;
    }

    public int size() {
        return records.size();
    }
}
