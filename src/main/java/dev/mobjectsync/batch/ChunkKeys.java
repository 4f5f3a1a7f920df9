package dev.mobjectsync.batch;

import java.util.UUID;

import org.apache.camel.Handler;

import dev.mobjectsync.model.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The aggregation's correlation key: one open chunk per source thread of this run of this instance
 * ({@code kafka@<run>#<thread>}). A source partition (a file, a Kafka partition, a JMS message group) is read
 * by one thread, so its records reach their chunk, and the chunks the sending stage, in the source's order.
 * No two threads, and no two replicas, ever add to one chunk: Camel's aggregator, when a concurrent writer
 * makes it retry after it completed the open chunk, loses that completed chunk until recovery sends it,
 * seconds later and out of order.
 */
@ApplicationScoped
@Named("chunkKeys")
public class ChunkKeys {

    /** This run of this instance: a chunk left open by an earlier run is never added to again. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Handler
    public String forRecord(SyncRecord record) {
        return of(record.source().channel());
    }

    public String of(String channel) {
        return channel + "@" + run + "#" + Thread.currentThread().getId();
    }

    /** Whether a chunk's key is one of this run of this instance (not another replica's, nor an earlier run's). */
    public boolean ofThisRun(String key) {
        return key.contains("@" + run + "#");
    }
}
