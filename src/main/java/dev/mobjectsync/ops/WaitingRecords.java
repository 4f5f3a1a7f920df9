package dev.mobjectsync.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.jboss.logging.Logger;

import dev.mobjectsync.model.Chunk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records waiting in the batch repository's open chunks (shared by all instances on PostgreSQL). Read
 * from the repository at most once per {@link #FRESH_FOR}, so frequent scrapes stay cheap; -1 when the
 * repository cannot be read.
 */
@ApplicationScoped
public class WaitingRecords {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(WaitingRecords.class);

    private final JdbcAggregationRepository repository;
    private final CamelContext camelContext;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private long waiting;

    @Inject
    public WaitingRecords(@Named("batchRepository") JdbcAggregationRepository repository, CamelContext camelContext,
            Clock clock) {
        this.repository = repository;
        this.camelContext = camelContext;
        this.clock = clock;
    }

    public synchronized long count() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(FRESH_FOR))) {
            return waiting;
        }
        readAt = now;
        try {
            long total = 0;
            for (String key : repository.getKeys()) {
                Exchange open = repository.get(camelContext, key);
                Chunk chunk = open == null ? null : open.getMessage().getBody(Chunk.class);
                total += chunk == null ? 0 : chunk.size();
            }
            waiting = total;
        } catch (RuntimeException e) {
            LOG.debugf("the batch repository could not be read: %s", e.getMessage());
            waiting = -1;
        }
        return waiting;
    }
}
