package dev.mobjectsync.marketo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Keeps every call to Marketo (retries included) inside its limits (MARKETO.md §4), for all sources
 * together: at most {@code max-concurrent-calls} at once, at most {@code calls-per-window} per sliding
 * {@code window}, and at most {@code daily-budget} calls per Marketo day, which resets at midnight
 * America/Chicago. Marketo counts a call from the moment it receives it, somewhere between our start
 * and our end of the call, so a call counts in the window from its start until one window after its
 * end. A call that would exceed a limit waits; nothing is dropped. When Marketo itself says the day's
 * quota is spent (20015, e.g. because other integrations share it), every call waits until the quota
 * resets at midnight America/Chicago, or until {@code quota-probe-interval} has passed, whichever comes
 * first; the next call then probes whether the quota is back (an administrator may have raised it).
 * <p>
 * With a PostgreSQL repository the limits are the group's: every replica on it keeps them together
 * through the {@link SharedQuota}, and this pacer keeps only this replica's part for the figures (a
 * replica alone may use all of them). The limits are {@code limits.*} times {@code limits.share}.
 */
@ApplicationScoped
@Named("callPacer")
public class CallPacer {

    static final String PERMIT = "MobjectSyncCallPermit";
    static final String SLOT = "MobjectSyncCallSlot";
    static final String ANSWERED = "MobjectSyncCallAnswered";
    static final ZoneId MARKETO_DAY = ZoneId.of("America/Chicago");
    private static final Logger LOG = Logger.getLogger(CallPacer.class);

    private final Semaphore concurrent;
    private final int maxConcurrent;
    private final int callsPerWindow;
    private final Duration window;
    private final int dailyBudget;
    private final Clock clock;
    /** Calls counted in the window: in flight (no end yet) or ended less than one window ago. */
    private final List<Slot> recent = new ArrayList<>();

    private static final class Slot {
        /** The call's row in the shared ledger, or -1. */
        private final long id;
        private Instant end;

        private Slot(long id) {
            this.id = id;
        }
    }
    private LocalDate day;
    private int callsToday;
    private final Duration quotaProbeInterval;
    private Instant quotaHeldUntil = Instant.MIN;
    private boolean stopping;
    private final CallWaits waits;
    private final SharedQuota shared;
    private final FaultClassifier faults = new FaultClassifier();

    @Inject
    public CallPacer(SyncConfig config, Clock clock, CallWaits waits, SharedQuota shared) {
        this(Limits.of(config.limits()), clock, waits, shared);
    }

    public CallPacer(int maxConcurrent, int callsPerWindow, Duration window, int dailyBudget,
            Duration quotaProbeInterval, Clock clock) {
        this(new Limits(maxConcurrent, callsPerWindow, window, dailyBudget, quotaProbeInterval), clock,
                new CallWaits(clock), null);
    }

    /** A replica's pacer: the limits are kept together with the other replicas on {@code shared}'s ledger. */
    public CallPacer(Limits limits, Clock clock, SharedQuota shared) {
        this(limits, clock, new CallWaits(clock), shared);
    }

    private CallPacer(Limits limits, Clock clock, CallWaits waits, SharedQuota shared) {
        this.waits = waits;
        this.quotaProbeInterval = limits.quotaProbeInterval();
        this.concurrent = new Semaphore(limits.maxConcurrent(), true);
        this.maxConcurrent = limits.maxConcurrent();
        this.callsPerWindow = limits.callsPerWindow();
        this.window = limits.countedWindow();
        this.dailyBudget = limits.dailyBudget();
        this.clock = clock;
        this.shared = shared != null && shared.active() ? shared : null;
    }

    /**
     * Before a call: waits for a place in the window, in the day's budget, and among the calls in flight.
     * Only the sending stage's own threads call it, so waiting here never holds up a thread that completes
     * calls. An exchange that already holds a place (the sending stage takes it before it picks the
     * records of a call, so that the call takes every record ready by then) keeps it.
     */
    public void acquire(Exchange exchange) throws InterruptedException {
        if (holdsPlace(exchange)) {
            return;
        }
        concurrent.acquire();
        // the exchange's own id: a copy of it (a poison-isolation half) does not hold its place
        exchange.setProperty(PERMIT, exchange.getExchangeId());
        try {
            exchange.setProperty(SLOT, takeSlot(exchange));
        } catch (InterruptedException | RuntimeException e) {
            exchange.removeProperty(PERMIT);
            concurrent.release();
            throw e;
        } finally {
            waits.ended(exchange);
        }
    }

    /** A place taken by {@link #acquire} that no call used after all: it is given back, uncounted. */
    public void unused(Exchange exchange) {
        if (!holdsPlace(exchange)) {
            return;
        }
        Object slot = exchange.removeProperty(SLOT);
        if (slot instanceof Slot taken) {
            synchronized (this) {
                if (recent.remove(taken) && callsToday > 0) {
                    callsToday--;
                }
                notifyAll();
            }
            if (shared != null) {
                shared.unused(taken.id);
            }
        }
        exchange.removeProperty(PERMIT);
        concurrent.release();
    }

    private boolean answeredWithAFault(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            return false;
        }
        MarketoFault fault = faults.classify(failure);
        return fault.stage() == Stage.MARKETO && fault.kind() != FaultKind.QUOTA_SPENT;
    }

    private static boolean holdsPlace(Exchange exchange) {
        return exchange.getExchangeId().equals(exchange.getProperty(PERMIT));
    }

    /** The application is stopping: every wait for a place ends now, with an InterruptedException. */
    public void stopWaiting() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        if (shared != null) {
            shared.stopWaiting();
        }
    }

    /**
     * Marketo answered the call (a route step after the gateway call): a probe of the daily quota lifts the
     * hold. So does a fault Marketo answered, unless it says the quota is still spent.
     */
    public void answered(Exchange exchange) {
        exchange.setProperty(ANSWERED, Boolean.TRUE);
    }

    /** After a call, whatever its outcome. */
    public void release(Exchange exchange) {
        if (!holdsPlace(exchange)) {
            return;
        }
        Object slot = exchange.removeProperty(SLOT);
        boolean answered = exchange.removeProperty(ANSWERED) != null || answeredWithAFault(exchange);
        if (slot instanceof Slot taken) {
            synchronized (this) {
                taken.end = clock.instant();
            }
            if (shared != null) {
                shared.ended(taken.id, answered);
            }
        }
        exchange.removeProperty(PERMIT);
        concurrent.release();
    }

    /**
     * Marketo answered 20015 (REST: 607): calls wait for the quota to reset (or for the next probe), those
     * of every replica when the quota is shared.
     */
    public void holdUntilQuotaResets() {
        Instant until;
        synchronized (this) {
            Instant now = clock.instant();
            Instant reset = now.atZone(MARKETO_DAY).toLocalDate().plusDays(1).atStartOfDay(MARKETO_DAY).toInstant();
            Instant probe = now.plus(quotaProbeInterval);
            until = probe.isBefore(reset) ? probe : reset;
            if (!until.isAfter(quotaHeldUntil)) {
                return;
            }
            quotaHeldUntil = until;
            LOG.warnf("Marketo's daily quota is spent (20015, REST 607): calls wait until %s", until);
        }
        if (shared != null) {
            shared.quotaSpent(until);
        }
    }

    /** Whether the limits are kept together with other replicas (a PostgreSQL repository). */
    public boolean quotaShared() {
        return shared != null;
    }

    /** Calls to Marketo in flight now, of all replicas when the quota is shared (metrics, status page). */
    public int callsInFlight() {
        return shared != null ? shared.figures().inFlight() : replicaCallsInFlight();
    }

    /** This replica's calls in flight now. */
    public int replicaCallsInFlight() {
        return maxConcurrent - concurrent.availablePermits();
    }

    public int maxConcurrentCalls() {
        return maxConcurrent;
    }

    /** Calls that count in the current window (in flight, or ended less than one window ago), of all replicas. */
    public int callsInWindow() {
        return shared != null ? shared.figures().inWindow() : replicaCallsInWindow();
    }

    /** This replica's calls that count in the current window. */
    public synchronized int replicaCallsInWindow() {
        Instant windowStart = clock.instant().minus(window);
        return (int) recent.stream().filter(slot -> slot.end == null || slot.end.isAfter(windowStart)).count();
    }

    public int callsPerWindow() {
        return callsPerWindow;
    }

    /** Calls made since midnight America/Chicago (Marketo's day), by all replicas when the quota is shared. */
    public int callsToday() {
        return shared != null ? shared.figures().today() : replicaCallsToday();
    }

    /** Calls this replica made since midnight America/Chicago. */
    public synchronized int replicaCallsToday() {
        return clock.instant().atZone(MARKETO_DAY).toLocalDate().equals(day) ? callsToday : 0;
    }

    public int dailyBudget() {
        return dailyBudget;
    }

    /** Until when calls are held because Marketo said the day's quota is spent; null when they are not. */
    public Instant quotaHeldUntil() {
        if (shared != null) {
            return shared.figures().heldUntil();
        }
        synchronized (this) {
            return clock.instant().isBefore(quotaHeldUntil) ? quotaHeldUntil : null;
        }
    }

    private Slot takeSlot(Exchange exchange) throws InterruptedException {
        if (shared != null) {
            return takeSharedSlot(exchange);
        }
        while (true) {
            Duration wait;
            synchronized (this) {
                if (stopping) {
                    throw new InterruptedException("the application is stopping: no new call to Marketo");
                }
                Instant now = clock.instant();
                LocalDate today = forgetBefore(now);
                if (now.isBefore(quotaHeldUntil)) {
                    wait = Duration.between(now, quotaHeldUntil);
                    waits.pacing(exchange, CallWaits.Place.DAILY_QUOTA, quotaHeldUntil);
                } else if (callsToday >= dailyBudget) {
                    wait = Duration.between(now, today.plusDays(1).atStartOfDay(MARKETO_DAY).toInstant());
                    waits.pacing(exchange, CallWaits.Place.DAILY_QUOTA, now.plus(wait));
                    LOG.warnf("daily budget of %d calls spent: calls wait %d min for Marketo's day to reset",
                            dailyBudget,
                            wait.toMinutes());
                } else if (recent.size() < callsPerWindow) {
                    return counted(new Slot(-1));
                } else {
                    wait = recent.stream().filter(slot -> slot.end != null).map(slot -> slot.end.plus(window))
                            .min(Instant::compareTo).map(free -> Duration.between(now, free))
                            .orElse(Duration.ofMillis(20));
                    waits.pacing(exchange, CallWaits.Place.RATE_WINDOW, now.plus(wait));
                }
                wait(Math.max(1, Math.min(wait.toMillis(), 60_000)));
            }
        }
    }

    /** The group's place, from the ledger; this replica's part is counted here for its figures. */
    private Slot takeSharedSlot(Exchange exchange) throws InterruptedException {
        synchronized (this) {
            if (stopping) {
                throw new InterruptedException("the application is stopping: no new call to Marketo");
            }
        }
        long id = shared.take(exchange, waits);
        synchronized (this) {
            forgetBefore(clock.instant());
            return counted(new Slot(id));
        }
    }

    /** Forgets the calls out of the window and, on a new Marketo day, the day's count; gives that day. */
    private LocalDate forgetBefore(Instant now) {
        LocalDate today = now.atZone(MARKETO_DAY).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            callsToday = 0;
        }
        Instant windowStart = now.minus(window);
        recent.removeIf(slot -> slot.end != null && !slot.end.isAfter(windowStart));
        return today;
    }

    private Slot counted(Slot slot) {
        recent.add(slot);
        callsToday++;
        return slot;
    }
}
