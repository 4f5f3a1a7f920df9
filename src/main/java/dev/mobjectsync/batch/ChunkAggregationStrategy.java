package dev.mobjectsync.batch;

import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Gathers the valid records of one source channel, in arrival order, into a {@link Chunk}. What arrives
 * is one record (Kafka, JMS) or a file unit's records, itself a chunk, so the repository is written once
 * per unit rather than once per record. The open chunk is completed before a record or unit joins it
 * ({@link #preComplete}) when they would make it larger than one call of the gateway's largest kind
 * ({@link BatchSizes#largest()}); the time limit stays with the aggregator's completion timeout.
 * Chunks of one source complete in the order their records arrived, which is what the sending stage
 * keeps per object.
 */
@ApplicationScoped
@Named("chunkAggregationStrategy")
public class ChunkAggregationStrategy implements AggregationStrategy {

    private final int maxSize;

    @Inject
    public ChunkAggregationStrategy(BatchSizes sizes) {
        this(sizes.largest());
    }

    public ChunkAggregationStrategy(int maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public Exchange aggregate(Exchange chunkExchange, Exchange arrivingExchange) {
        if (chunkExchange == null) {
            arrivingExchange.getMessage().setBody(Chunk.of(arriving(arrivingExchange)));
            return arrivingExchange;
        }
        chunkExchange.getMessage().getBody(Chunk.class).addAll(arriving(arrivingExchange));
        return chunkExchange;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    @Override
    public boolean preComplete(Exchange chunkExchange, Exchange arrivingExchange) {
        if (chunkExchange == null) {
            return false;
        }
        Chunk chunk = chunkExchange.getMessage().getBody(Chunk.class);
        return chunk.size() + arriving(arrivingExchange).size() > maxSize;
    }

    /** The records of the arriving exchange: a unit's chunk, or the single record. */
    private static List<SyncRecord> arriving(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        return body instanceof Chunk chunk ? chunk.records() : List.of(exchange.getMessage().getBody(SyncRecord.class));
    }
}
