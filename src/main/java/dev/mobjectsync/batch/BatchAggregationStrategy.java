package dev.mobjectsync.batch;

import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.mobjectsync.record.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Gathers records of one (operation, type) into a {@link Batch}. What arrives is one record (Kafka,
 * JMS) or a chunk of them, itself a small {@link Batch} (a file's records, see {@link FileChunks}), so
 * that the repository is written once per chunk rather than once per record. The open batch is
 * completed before a record or chunk joins it ({@link #preComplete}) when they would not fit together
 * (the gateway's size for the batch's type, {@link BatchSizes}), or when it already holds one of their
 * Marketo keys: they then open the next batch, so two records for the same object never share a call
 * and their order is kept. In this pre-completion mode Camel
 * leaves the size limit to the strategy; the time limit stays with the aggregator's completion timeout.
 */
@ApplicationScoped
@Named("batchAggregationStrategy")
public class BatchAggregationStrategy implements AggregationStrategy {

    private final BatchSizes sizes;

    @Inject
    public BatchAggregationStrategy(BatchSizes sizes) {
        this.sizes = sizes;
    }

    public BatchAggregationStrategy(int maxSize) {
        this(BatchSizes.fixed(maxSize));
    }

    @Override
    public Exchange aggregate(Exchange batchExchange, Exchange recordExchange) {
        if (batchExchange == null) {
            if (!(recordExchange.getMessage().getBody() instanceof Batch)) {
                recordExchange.getMessage().setBody(Batch.of(recordExchange.getMessage().getBody(SyncRecord.class)));
            }
            return recordExchange;
        }
        Batch batch = batchExchange.getMessage().getBody(Batch.class);
        arriving(recordExchange).forEach(batch::add);
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
        List<SyncRecord> arriving = arriving(recordExchange);
        return batch.size() + arriving.size() > sizes.of(batch.type()) || arriving.stream().anyMatch(batch::holdsKeyOf);
    }

    /** The records of the arriving exchange: a chunk's, or the single record. */
    private static List<SyncRecord> arriving(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        return body instanceof Batch chunk ? chunk.records() : List.of(exchange.getMessage().getBody(SyncRecord.class));
    }
}
