package dev.mobjectsync.marketo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/**
 * Marketo's limits kept together by every replica that shares one PostgreSQL repository (tables
 * {@code mobject_sync_calls} and {@code mobject_sync_quota}, migration V2). A place is taken in one short
 * transaction that locks the quota row, so the checks and the new call's row are one decision for the
 * whole group; the database's clock is the only one used.
 * <p>
 * A call counts as in flight from its start until its end, and in the window until one window after its
 * end, as in {@link CallPacer}. A replica holds a session advisory lock (class {@link #LOCK_CLASS}, its
 * replica number) on a connection of its own while it lives: the calls of a replica whose lock is gone (its
 * process died, its connection with it) end at once, at their last heartbeat; those not renewed for
 * {@code takeover-after} end too. A replica whose lock connection was lost takes a lock again before its
 * next place, and counts its calls in flight as its own again. After Marketo said the day's quota is spent,
 * every replica holds; when the hold ends, one call probes for the group, and its answer lifts the hold.
 */
public final class SharedCallLedger implements AutoCloseable {

    /** The first key of the replicas' advisory locks ("mobs"). */
    static final int LOCK_CLASS = 0x6d6f6273;
    private static final Duration POLL = Duration.ofMillis(25);
    private static final String CALLS = "mobject_sync_calls";
    private static final String QUOTA = "mobject_sync_quota";
    /**
     * A replica whose network died inside a place's transaction must not hold the quota row for the
     * group: its session is ended after 10 s idle in the transaction, and the others wait at most 2 s for the
     * row (then try again, as after any error).
     */
    private static final String BOUNDED_WAITS = "SET LOCAL lock_timeout = '2s'; SET LOCAL"
            + " idle_in_transaction_session_timeout = '10s'";
    private static final String HOLDS_LOCK = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND"
            + " classid = " + LOCK_CLASS + " AND objid = ? AND objsubid = 2 AND granted)";
    private static final String END_DEAD_REPLICAS_CALLS = "UPDATE " + CALLS + " c SET ended_at = LEAST(?, c.seen_at + ?"
            + " * INTERVAL '1 millisecond') WHERE c.ended_at IS NULL AND (c.seen_at < ? OR NOT EXISTS (SELECT 1 FROM"
            + " pg_locks l WHERE l.locktype = 'advisory' AND l.classid = " + LOCK_CLASS + " AND l.objid = c.replica"
            + " AND l.objsubid = 2 AND l.granted))";

    /** What the group may do, and how liveness is judged. */
    public record Rules(Limits limits, Duration heartbeat, Duration takeoverAfter) {

        /** How long the group holds while one call probes whether the daily quota is back. */
        Duration probeHold() {
            return limits.window().multipliedBy(2);
        }
    }

    /** The outcome of one try: a place ({@code id}), or how long to wait, why and until when. */
    public record Attempt(long id, Duration waitFor, CallWaits.Place reason, Instant until) {

        static Attempt taken(long id) {
            return new Attempt(id, Duration.ZERO, null, null);
        }

        static Attempt waiting(Duration waitFor, CallWaits.Place reason, Instant until) {
            return new Attempt(-1, waitFor, reason, until);
        }

        public boolean isTaken() {
            return id >= 0;
        }
    }

    /** The group's figures: calls in flight, in the window, made on Marketo's day, and the quota hold. */
    public record Figures(int inFlight, int inWindow, int today, Instant heldUntil) {
        static final Figures NONE = new Figures(0, 0, 0, null);
    }

    private final DataSource dataSource;
    private final Rules rules;
    private Connection lifeline;
    private volatile int replica;
    /** This replica's calls with a place and no end yet: renewed by the heartbeat, its own again after a new lock. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public SharedCallLedger(DataSource dataSource, Rules rules) {
        this.dataSource = dataSource;
        this.rules = rules;
    }

    /**
     * This replica joins the group: it takes a replica number no live replica holds, and holds its lock.
     * Taken again after the lock connection was lost: the same number if it is free, else a new one, and
     * the calls this replica still runs are its own again, in flight (others may have ended them meanwhile).
     */
    public synchronized void open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            int candidate = replica > 0 ? replica : newNumber();
            while (!tryLock(connection, candidate)) {
                candidate = newNumber();
            }
            replica = candidate;
            lifeline = connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        Long[] ids = running.toArray(Long[]::new);
        if (ids.length > 0) {
            try (Connection own = dataSource.getConnection();
                    PreparedStatement claim = own.prepareStatement("UPDATE " + CALLS + " SET replica = ?, seen_at ="
                            + " clock_timestamp(), ended_at = NULL WHERE id = ANY (?)")) {
                claim.setInt(1, replica);
                claim.setArray(2, own.createArrayOf("bigint", ids));
                claim.executeUpdate();
            }
        }
    }

    private static int newNumber() {
        return ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    }

    private static boolean tryLock(Connection connection, int number) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, number);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    public int replica() {
        return replica;
    }

    /**
     * Takes a place for one call if the group's limits allow it now; else says how long to wait. A replica
     * whose lock is gone (its connection was lost) takes one again first: a call it made without would count
     * for nobody.
     */
    public Attempt tryTake() throws SQLException {
        Limits limits = rules.limits();
        try (Connection connection = dataSource.getConnection()) {
            if (!holdsLock(connection)) {
                reopen();
            }
            connection.setAutoCommit(false);
            try {
                try (Statement bounded = connection.createStatement()) {
                    bounded.execute(BOUNDED_WAITS);
                }
                Attempt attempt = tryTake(connection, limits);
                connection.commit();
                if (attempt.isTaken()) {
                    running.add(attempt.id());
                }
                return attempt;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Attempt tryTake(Connection connection, Limits limits) throws SQLException {
        OffsetDateTime now;
        LocalDate day;
        int callsToday;
        OffsetDateTime heldUntil;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT clock_timestamp(), day, calls, held_until FROM " + QUOTA
                        + " WHERE id = 1 FOR UPDATE")) {
            if (!row.next()) {
                throw new SQLException(QUOTA + " has no row: the database was not migrated");
            }
            now = row.getObject(1, OffsetDateTime.class);
            day = row.getObject(2, LocalDate.class);
            callsToday = row.getInt(3);
            heldUntil = row.getObject(4, OffsetDateTime.class);
        }
        Instant instant = now.toInstant();
        LocalDate today = instant.atZone(CallPacer.MARKETO_DAY).toLocalDate();
        if (!today.equals(day)) {
            callsToday = 0;
        }
        endCallsOfDeadReplicas(connection, now);
        OffsetDateTime windowStart = now.minus(limits.countedWindow());
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + CALLS + " WHERE ended_at <= ?")) {
            forget.setObject(1, windowStart);
            forget.executeUpdate();
        }
        if (heldUntil != null && now.isBefore(heldUntil)) {
            return Attempt.waiting(Duration.between(now, heldUntil), CallWaits.Place.DAILY_QUOTA, heldUntil
                    .toInstant());
        }
        if (callsToday >= limits.dailyBudget()) {
            Instant reset = today.plusDays(1).atStartOfDay(CallPacer.MARKETO_DAY).toInstant();
            return Attempt.waiting(Duration.between(instant, reset), CallWaits.Place.DAILY_QUOTA, reset);
        }
        int inFlight;
        int inWindow;
        OffsetDateTime firstEnd;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FILTER (WHERE ended_at IS NULL), COUNT(*),"
                        + " MIN(ended_at) FROM " + CALLS)) {
            row.next();
            inFlight = row.getInt(1);
            inWindow = row.getInt(2);
            firstEnd = row.getObject(3, OffsetDateTime.class);
        }
        if (inWindow >= limits.callsPerWindow()) {
            if (firstEnd == null) {
                return Attempt.waiting(POLL, CallWaits.Place.RATE_WINDOW, instant.plus(POLL));
            }
            OffsetDateTime free = firstEnd.plus(limits.countedWindow());
            return Attempt.waiting(Duration.between(now, free), CallWaits.Place.RATE_WINDOW, free.toInstant());
        }
        if (inFlight >= limits.maxConcurrent()) {
            return Attempt.waiting(POLL, null, null);
        }
        long id = insertCall(connection, now);
        boolean probe = heldUntil != null;
        try (PreparedStatement count = connection.prepareStatement("UPDATE " + QUOTA + " SET day = ?, calls = ?,"
                + " held_until = ?, probe = ? WHERE id = 1")) {
            count.setObject(1, today);
            count.setInt(2, callsToday + 1);
            count.setObject(3, probe ? now.plus(rules.probeHold()) : null);
            if (probe) {
                count.setLong(4, id);
            } else {
                count.setNull(4, java.sql.Types.BIGINT);
            }
            count.executeUpdate();
        }
        return Attempt.taken(id);
    }

    private void endCallsOfDeadReplicas(Connection connection, OffsetDateTime now) throws SQLException {
        try (PreparedStatement end = connection.prepareStatement(END_DEAD_REPLICAS_CALLS)) {
            end.setObject(1, now);
            end.setLong(2, rules.heartbeat().toMillis());
            end.setObject(3, now.minus(rules.takeoverAfter()));
            end.executeUpdate();
        }
    }

    private long insertCall(Connection connection, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + CALLS
                + " (replica, started_at, seen_at) VALUES (?, ?, ?) RETURNING id")) {
            insert.setInt(1, replica);
            insert.setObject(2, now);
            insert.setObject(3, now);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The call ended. If it was the probe of the daily quota and Marketo answered it, the hold is lifted. */
    public void ended(long id, boolean answered) throws SQLException {
        running.remove(id);
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "UPDATE " + CALLS
                    + " SET ended_at = clock_timestamp() WHERE id = ? AND ended_at IS NULL",
                    id);
            if (answered) {
                execute(connection, "UPDATE " + QUOTA
                        + " SET held_until = NULL, probe = NULL WHERE id = 1 AND probe = ?",
                        id);
            }
        }
    }

    /** A place taken but no call made: it is given back, uncounted (a probe's hold ends, the next call probes). */
    public void unused(long id) throws SQLException {
        running.remove(id);
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "DELETE FROM " + CALLS + " WHERE id = ?", id);
            execute(connection, "UPDATE " + QUOTA + " SET calls = GREATEST(calls - 1, 0), held_until = CASE WHEN probe"
                    + " = ? THEN clock_timestamp() ELSE held_until END, probe = CASE WHEN probe = ? THEN NULL ELSE probe"
                    + " END WHERE id = 1", id, id);
        }
    }

    /** Marketo said the day's quota is spent: the whole group holds until {@code until} (or longer if held so). */
    public void quotaSpent(Instant until) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement hold = connection.prepareStatement("UPDATE " + QUOTA
                        + " SET held_until = GREATEST(held_until, ?), probe = NULL WHERE id = 1")) {
            hold.setObject(1, until.atOffset(ZoneOffset.UTC));
            hold.executeUpdate();
        }
    }

    /**
     * This replica is alive: its calls in flight are renewed, and its lock is taken again if its connection
     * was lost (other replicas have ended its calls by then; they are renewed as they end).
     */
    public void heartbeat() throws SQLException {
        synchronized (this) {
            if (lifeline == null || !lifeline.isValid(2)) {
                reopen();
            }
        }
        Long[] ids = running.toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew = connection.prepareStatement("UPDATE " + CALLS + " SET seen_at ="
                        + " clock_timestamp() WHERE id = ANY (?) AND ended_at IS NULL")) {
            renew.setArray(1, connection.createArrayOf("bigint", ids));
            renew.executeUpdate();
        }
    }

    private boolean holdsLock(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HOLDS_LOCK)) {
            query.setInt(1, replica);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private synchronized void reopen() throws SQLException {
        release();
        open();
    }

    /** Gives the lock connection back with no lock on it (a pool keeps the session, and would keep the lock). */
    private void release() {
        if (lifeline == null) {
            return;
        }
        try (Connection connection = lifeline) {
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock_all()");
            }
        } catch (SQLException e) {
            // the connection is gone, and its lock with it
        }
        lifeline = null;
    }

    /** The group's figures now. */
    public Figures figures() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT (SELECT COUNT(*) FROM " + CALLS
                        + " WHERE ended_at IS NULL), (SELECT COUNT(*) FROM " + CALLS + " WHERE ended_at IS NULL OR"
                        + " ended_at > clock_timestamp() - ? * INTERVAL '1 millisecond'), CASE WHEN day = (clock_timestamp()"
                        + " AT TIME ZONE 'America/Chicago')::date THEN calls ELSE 0 END, CASE WHEN held_until >"
                        + " clock_timestamp() THEN held_until END FROM " + QUOTA + " WHERE id = 1")) {
            query.setLong(1, rules.limits().countedWindow().toMillis());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Figures.NONE;
                }
                OffsetDateTime held = row.getObject(4, OffsetDateTime.class);
                return new Figures(row.getInt(1), row.getInt(2), row.getInt(3), held == null ? null : held.toInstant());
            }
        }
    }

    /** This replica leaves the group: its lock goes, and with it any call of it still counted in flight. */
    @Override
    public synchronized void close() throws SQLException {
        release();
    }

    private static void execute(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
