package dev.mobjectsync.marketo;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import dev.mobjectsync.config.SyncConfig;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This replica's side of the {@link SharedCallLedger}, active with a PostgreSQL repository: it waits for a
 * place in the group's limits for the {@link CallPacer} (one sender of this replica asks the database at a
 * time, in turn), renews this replica's calls every {@code repository.heartbeat-interval}, and keeps the
 * ends the database could not take for the next try. With H2 (one instance) it is inactive.
 */
@ApplicationScoped
public class SharedQuota {

    private static final Logger LOG = Logger.getLogger(SharedQuota.class);
    /** The longest sleep between two tries, so that a place freed by another replica is seen soon. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    private static final Duration FIGURES_FOR = Duration.ofSeconds(1);

    private final SharedCallLedger ledger;
    /** One sender of this replica asks the ledger at a time; fair, so that every sender gets its turn. */
    private final ReentrantLock turn = new ReentrantLock(true);
    private final Condition stopped = turn.newCondition();
    private volatile boolean stopping;
    /** Calls that ended while the database could not be written, with whether Marketo answered them. */
    private final Map<Long, Boolean> pendingEnds = new ConcurrentHashMap<>();
    private final AtomicLong placesTaken = new AtomicLong();
    /** Time spent in the ledger's transactions (tries, ends, places given back): the cost of coordination. */
    private final AtomicLong nanosInLedger = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private volatile SharedCallLedger.Figures figures = SharedCallLedger.Figures.NONE;
    private volatile long figuresAt;
    private volatile String unreadable;
    private ScheduledExecutorService heartbeat;

    @Inject
    public SharedQuota(SyncConfig config, DataSource dataSource) {
        this("postgres".equals(config.repository().kind())
                ? new SharedCallLedger(dataSource, new SharedCallLedger.Rules(Limits.of(config.limits()),
                        config.repository().heartbeatInterval(), config.repository().takeoverAfter()))
                : null, config.repository().heartbeatInterval());
    }

    /** A replica on {@code ledger} (none: inactive), renewing its calls every {@code interval}. */
    public SharedQuota(SharedCallLedger ledger, Duration interval) {
        this.ledger = ledger;
        if (ledger == null) {
            return;
        }
        try {
            ledger.open();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot join the replicas' shared quota in the repository: " + e
                    .getMessage(), e);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mobject-sync-quota-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean active() {
        return ledger != null;
    }

    /** Waits for a place in the group's limits; only the sending stage's own threads call it. */
    long take(Exchange exchange, CallWaits waits) throws InterruptedException {
        turn.lockInterruptibly();
        try {
            while (true) {
                if (stopping) {
                    throw new InterruptedException("the application is stopping: no new call to Marketo");
                }
                writePendingEnds();
                Duration wait;
                long asked = System.nanoTime();
                try {
                    SharedCallLedger.Attempt attempt = ledger.tryTake();
                    inLedgerSince(asked);
                    readable();
                    if (attempt.isTaken()) {
                        placesTaken.incrementAndGet();
                        return attempt.id();
                    }
                    if (attempt.reason() != null) {
                        waits.pacing(exchange, attempt.reason(), attempt.until());
                    }
                    wait = attempt.waitFor();
                } catch (SQLException e) {
                    unreadable(e);
                    wait = LONGEST_WAIT;
                }
                stopped.await(Math.max(1, Math.min(wait.toMillis(), LONGEST_WAIT.toMillis())), TimeUnit.MILLISECONDS);
            }
        } finally {
            turn.unlock();
        }
    }

    void ended(long id, boolean answered) {
        long asked = System.nanoTime();
        try {
            ledger.ended(id, answered);
            inLedgerSince(asked);
        } catch (SQLException e) {
            unreadable(e);
            pendingEnds.put(id, answered);
        }
    }

    void unused(long id) {
        long asked = System.nanoTime();
        try {
            ledger.unused(id);
            inLedgerSince(asked);
        } catch (SQLException e) {
            // the call's row stays: it counts as a call made, one more than was (on the safe side)
            unreadable(e);
            pendingEnds.put(id, false);
        }
    }

    void quotaSpent(Instant until) {
        try {
            ledger.quotaSpent(until);
        } catch (SQLException e) {
            unreadable(e);
        }
    }

    /** The group's figures, read at most once a second. */
    SharedCallLedger.Figures figures() {
        long now = System.nanoTime();
        if (now - figuresAt > FIGURES_FOR.toNanos()) {
            figuresAt = now;
            try {
                figures = ledger.figures();
            } catch (SQLException e) {
                unreadable(e);
            }
        }
        return figures;
    }

    /** Places taken from the ledger so far. */
    public long placesTaken() {
        return placesTaken.get();
    }

    /**
     * Seconds spent in the ledger's transactions so far (every try, end and place given back, not the
     * waits between tries for the limits): divided by {@link #placesTaken}, the cost of coordination per call.
     */
    public double secondsInLedger() {
        return nanosInLedger.get() / 1e9;
    }

    /** The ledger's transactions so far: tries (those that found the limits reached included), ends, places given back. */
    public long transactions() {
        return transactions.get();
    }

    private void inLedgerSince(long asked) {
        nanosInLedger.addAndGet(System.nanoTime() - asked);
        transactions.incrementAndGet();
    }

    /** The application is stopping: every wait for a place ends now. */
    void stopWaiting() {
        stopping = true;
        try {
            // a sender asking the database holds the turn: the one waiting wakes now, the others within a second
            if (turn.tryLock(100, TimeUnit.MILLISECONDS)) {
                try {
                    stopped.signalAll();
                } finally {
                    turn.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void renew() {
        writePendingEnds();
        try {
            ledger.heartbeat();
            readable();
        } catch (SQLException | RuntimeException e) {
            unreadable(e);
        }
    }

    private void writePendingEnds() {
        for (Map.Entry<Long, Boolean> end : pendingEnds.entrySet()) {
            try {
                ledger.ended(end.getKey(), end.getValue());
                pendingEnds.remove(end.getKey());
            } catch (SQLException e) {
                return;
            }
        }
    }

    /** Said once when the ledger cannot be used, and once when it can again, not at every try. */
    private void unreadable(Exception e) {
        String reason = e.getMessage();
        if (unreadable == null) {
            LOG.warnf("the replicas' shared quota in the repository cannot be used (%s): calls wait until it can",
                    reason);
        }
        unreadable = reason;
    }

    private void readable() {
        if (unreadable != null) {
            unreadable = null;
            LOG.info("the replicas' shared quota in the repository can be used again");
        }
    }

    @PreDestroy
    void close() {
        if (ledger == null) {
            return;
        }
        heartbeat.shutdownNow();
        writePendingEnds();
        try {
            ledger.close();
        } catch (SQLException e) {
            LOG.debugf(e, "closing the shared quota's lock connection");
        }
    }
}
