package dev.mobjectsync.batch;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.record.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Gathers records of one (operation, type) into a {@link Batch}. The open batch is completed before a
 * record joins it ({@link #preComplete}) when it is full, or when it already holds that record's
 * Marketo key: the record then opens the next batch, so two records for the same object never share
 * a call and their order is kept. In this pre-completion mode Camel leaves the size limit to the
 * strategy; the time limit stays with the aggregator's completion timeout.
 */
@ApplicationScoped
@Named("batchAggregationStrategy")
public class BatchAggregationStrategy implements AggregationStrategy {

    private final int maxSize;

    @Inject
    public BatchAggregationStrategy(SyncConfig config) {
        this(config.batch().size());
    }

    public BatchAggregationStrategy(int maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public Exchange aggregate(Exchange batchExchange, Exchange recordExchange) {
        SyncRecord record = recordExchange.getMessage().getBody(SyncRecord.class);
        if (batchExchange == null) {
            recordExchange.getMessage().setBody(Batch.of(record));
            return recordExchange;
        }
        batchExchange.getMessage().getBody(Batch.class).add(record);
        return batchExchange;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    @Override
    public boolean preComplete(Exchange batchExchange, Exchange recordExchange) {
        if (batchExchange == null) {
            return false;
        }
        Batch batch = batchExchange.getMessage().getBody(Batch.class);
        return batch.size() >= maxSize || batch.holdsKeyOf(recordExchange.getMessage().getBody(SyncRecord.class));
    }
}
