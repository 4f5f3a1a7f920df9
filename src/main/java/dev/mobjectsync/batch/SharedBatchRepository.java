package dev.mobjectsync.batch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.processor.aggregate.jdbc.DefaultJdbcOptimisticLockingExceptionMapper;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.support.DefaultExchange;
import org.jboss.logging.Logger;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.mobjectsync.model.Chunk;

/**
 * Camel's {@link JdbcAggregationRepository}, safe when several instances (or threads of one, with the
 * aggregator's optimistic locking) work on the same batches:
 * <ul>
 * <li>a batch read from the repository is written back only over the version it was read at, and never
 * inserted again once another instance completed it meanwhile (its records are on their way);</li>
 * <li>a new batch starts at a random version, not at 1: a batch completed and opened again under the same
 * key meanwhile must not match a version read before (Camel's repository would overwrite, or complete,
 * the new batch with the old one's records: the new records lost, the old ones sent twice);</li>
 * <li>a batch is completed only from the version it was read at, and only by the instance that claims it
 * ({@link BatchClaims}): two instances never both send it;</li>
 * <li>recovery sends again only the completed batches whose owner died, or this instance's own once they
 * are older than one recovery interval: a batch it has just completed may not be on its way yet (Camel
 * counts it as in progress only once it is handed to the sending threads).</li>
 * </ul>
 * A conflict is an {@link OptimisticLockingException}: the aggregator retries, a completion by timeout or
 * force leaves the batch to the instance that changed it.
 */
public class SharedBatchRepository extends JdbcAggregationRepository {

    private static final Logger LOG = Logger.getLogger(SharedBatchRepository.class);

    /** The correlation key of a chunk rewritten or written outside the aggregator (it is completed: never added to). */
    private static final String KEPT = "kept";

    private final BatchClaims claims;
    private final Checkpoints checkpoints;
    private final Duration justCompleted;
    private final DefaultJdbcOptimisticLockingExceptionMapper conflicts = new DefaultJdbcOptimisticLockingExceptionMapper();
    /** Completed chunks that Camel's periodic recovery must leave alone: all of them until start-up took the previous run's back. */
    private volatile Predicate<String> heldHere = exchangeId -> true;

    public SharedBatchRepository(DataSource dataSource, String table, BatchClaims claims, Checkpoints checkpoints,
            Duration recoveryInterval) {
        super(new DataSourceTransactionManager(dataSource), table, dataSource);
        this.claims = claims;
        this.checkpoints = checkpoints;
        this.justCompleted = recoveryInterval;
        setRecoveryInterval(recoveryInterval.toMillis());
    }

    @Override
    public Exchange add(CamelContext camel, String key, Exchange exchange) {
        Long version = exchange.getProperty(VERSION_PROPERTY, Long.class);
        if (version == null) {
            return super.add(camel, key, exchange);
        }
        transactionTemplate.executeWithoutResult(status -> write(() -> update(camel, key, exchange, getRepositoryName(),
                version)));
        return null;
    }

    @Override
    protected void insert(CamelContext camel, String key, Exchange exchange, String table, Long version)
            throws Exception {
        super.insert(camel, key, exchange, table,
                getRepositoryName().equals(table) ? ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2)
                        : version);
    }

    @Override
    public void remove(CamelContext camel, String key, Exchange exchange) {
        String exchangeId = exchange.getExchangeId();
        long version = exchange.getProperty(VERSION_PROPERTY, Long.class);
        if (!claims.claim(exchangeId)) {
            throw new OptimisticLockingException();
        }
        try {
            transactionTemplate.executeWithoutResult(status -> {
                if (jdbcTemplate.update("DELETE FROM " + getRepositoryName() + " WHERE id = ? AND version = ?", key,
                        version) != 1) {
                    throw new OptimisticLockingException();
                }
                write(() -> insert(camel, exchangeId, exchange, getRepositoryNameCompleted(), version));
            });
        } catch (RuntimeException e) {
            claims.release(exchangeId);
            throw e;
        }
    }

    /**
     * From now on, Camel's periodic recovery may send completed chunks again, except those {@code held}
     * (the sending stage holds them: they are on their way).
     */
    public void recoverAllBut(Predicate<String> held) {
        heldHere = held;
    }

    @Override
    public Exchange recover(CamelContext camel, String exchangeId) {
        return heldHere.test(exchangeId) ? null : recoverAtStart(camel, exchangeId);
    }

    /** A completed chunk this instance may send again (its own, or one whose owner died), claimed; else null. */
    public Exchange recoverAtStart(CamelContext camel, String exchangeId) {
        boolean mine = claims.holds(exchangeId);
        if (mine ? !claims.heldLongerThan(exchangeId, justCompleted) : !claims.claim(exchangeId)) {
            return null;
        }
        Exchange exchange = super.recover(camel, exchangeId);
        if (exchange == null) {
            claims.release(exchangeId);
        }
        return exchange;
    }

    @Override
    public boolean confirmWithResult(CamelContext camel, String exchangeId) {
        boolean confirmed = super.confirmWithResult(camel, exchangeId);
        claims.release(exchangeId);
        try {
            checkpoints.forgetSource(exchangeId);
        } catch (RuntimeException e) {
            // only a cost: the rows of a confirmed chunk go at the next start
            LOG.debugf("checkpoints of confirmed chunk %s not removed: %s", exchangeId, e.getMessage());
        }
        return confirmed;
    }

    /**
     * A completed chunk whose records were partly delivered when the application stopped: only the rest is
     * kept, so the next start sends nothing twice; its checkpoints go.
     */
    public void keepOnly(CamelContext camel, String chunkId, Chunk rest) {
        // first: the checkpoints name records by their place in the chunk as it was (a crash in between sends
        // the delivered records again, never skips one that was not)
        checkpoints.forgetSource(chunkId);
        // the stored exchange keeps the chunk's id: recovery confirms (and recognises as held) by that id
        Exchange exchange = new DefaultExchange(camel);
        exchange.setExchangeId(chunkId);
        markKept(exchange);
        exchange.getMessage().setBody(rest);
        transactionTemplate.executeWithoutResult(status -> write(() -> jdbcTemplate.update(
                "UPDATE " + getRepositoryNameCompleted() + " SET exchange = ? WHERE id = ?",
                jdbcCamelCodec.marshallExchange(exchange, isAllowSerializedHeaders()), chunkId)));
    }

    /**
     * Records that were in no chunk of the repository (a unit of a file, read straight into the sending stage)
     * and were not delivered in this run: kept as a completed chunk, claimed by this instance, so that the
     * next start (or recovery) sends them. Returns the chunk's id.
     */
    public String keepCompleted(CamelContext camel, Chunk chunk) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(chunk);
        markKept(exchange);
        String chunkId = exchange.getExchangeId();
        if (!claims.claim(chunkId)) {
            throw new IllegalStateException("chunk " + chunkId + " is already claimed");
        }
        try {
            transactionTemplate.executeWithoutResult(status -> write(
                    () -> insert(camel, chunkId, exchange, getRepositoryNameCompleted(), 1L)));
        } catch (RuntimeException e) {
            claims.release(chunkId);
            throw e;
        }
        return chunkId;
    }

    /**
     * What Camel's aggregator expects of a completed exchange it recovers: a correlation key, and how it was
     * completed (its statistics fail on an exchange without one, and the exchange then never completes).
     */
    private static void markKept(Exchange exchange) {
        exchange.setProperty(Exchange.AGGREGATED_CORRELATION_KEY, KEPT);
        exchange.setProperty(Exchange.AGGREGATED_COMPLETED_BY, "force");
    }

    /** One statement; a constraint violation or a stale version becomes an {@link OptimisticLockingException}. */
    private void write(Statement statement) {
        try {
            statement.run();
        } catch (Exception e) {
            if (conflicts.isOptimisticLocking(e)) {
                throw new OptimisticLockingException();
            }
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    @FunctionalInterface
    private interface Statement {
        void run() throws Exception;
    }
}
