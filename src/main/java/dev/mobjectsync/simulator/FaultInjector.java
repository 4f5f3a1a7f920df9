package dev.mobjectsync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.cxf.binding.soap.SoapFault;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the simulator misbehave the way Marketo does, by configuration
 * ({@code mobject-sync.simulator.faults.*}) or, in tests, by {@link #set(Settings)}: added latency, a
 * fraction of calls answered with a chosen fault code or HTTP 503, Marketo's concurrency limit (20024)
 * and rate limit (20023, calls per sliding window), a daily quota (20015), and an outage (HTTP 503 for
 * every call until a given instant).
 */
@ApplicationScoped
public class FaultInjector {

    /** What to inject; zero or null switches a fault off. {@code failureCode} "503" means HTTP 503. */
    public record Settings(Duration latency, double failureRate, String failureCode, int maxConcurrent,
            int callsPerWindow, Duration window, int dailyQuota, long seed) {

        public static Settings none() {
            return new Settings(Duration.ZERO, 0, "20023", 0, 0, Duration.ofSeconds(20), 0, 1);
        }

        public Settings withFailures(double rate, String code) {
            return new Settings(latency, rate, code, maxConcurrent, callsPerWindow, window, dailyQuota, seed);
        }
    }

    public static final String HTTP_503 = "503";

    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private final Deque<Instant> recentCalls = new ArrayDeque<>();
    private volatile Settings settings;
    private volatile Instant outageUntil = Instant.MIN;
    private Random random;
    private int callsToday;

    public FaultInjector(SyncConfig config, Clock clock) {
        this.clock = clock;
        SyncConfig.Faults faults = config.simulator().faults();
        set(new Settings(faults.latency(), faults.failureRate(), faults.failureCode(), faults.maxConcurrent(),
                faults.callsPerWindow(), faults.window(), faults.dailyQuota(), faults.seed()));
    }

    public synchronized void set(Settings next) {
        settings = next;
        random = new Random(next.seed());
        recentCalls.clear();
        callsToday = 0;
        outageUntil = Instant.MIN;
        unavailableAnswers.set(0);
    }

    /** Every call answers HTTP 503 for this long, from now. */
    public void outage(Duration length) {
        outageUntil = clock.instant().plus(length);
    }

    /** Decided before the SOAP stack sees the request: answer it with a bare HTTP 503? */
    public synchronized boolean httpUnavailable() {
        boolean unavailable = clock.instant().isBefore(outageUntil) || HTTP_503.equals(settings.failureCode())
                && settings.failureRate() > 0 && random.nextDouble() < settings.failureRate();
        if (unavailable) {
            unavailableAnswers.incrementAndGet();
        }
        return unavailable;
    }

    /** How many calls were answered with a bare HTTP 503 (they never reach the call log). */
    public int unavailableAnswers() {
        return unavailableAnswers.get();
    }

    /** Enters a call: throws Marketo's fault when a limit or an injected failure applies. */
    public void enter() {
        int concurrent = inFlight.incrementAndGet();
        try {
            admit(concurrent);
        } catch (SoapFault fault) {
            inFlight.decrementAndGet();
            throw fault;
        }
        Duration latency = settings.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    private synchronized void admit(int concurrent) {
        Settings s = settings;
        if (s.maxConcurrent() > 0 && concurrent > s.maxConcurrent()) {
            throw MarketoFaults.fault("20024", "Concurrency limit exceeded",
                    "More than " + s.maxConcurrent() + " concurrent calls");
        }
        Instant now = clock.instant();
        while (!recentCalls.isEmpty() && recentCalls.peekFirst().isBefore(now.minus(s.window()))) {
            recentCalls.pollFirst();
        }
        if (s.callsPerWindow() > 0 && recentCalls.size() >= s.callsPerWindow()) {
            throw MarketoFaults.fault("20023", "Rate limit exceeded",
                    "More than " + s.callsPerWindow() + " calls in " + s.window().toSeconds() + " s");
        }
        recentCalls.addLast(now);
        if (s.dailyQuota() > 0 && ++callsToday > s.dailyQuota()) {
            throw MarketoFaults.fault("20015", "Request limit exceeded", "Daily quota of " + s.dailyQuota()
                    + " calls reached");
        }
        if (s.failureRate() > 0 && !HTTP_503.equals(s.failureCode()) && random.nextDouble() < s.failureRate()) {
            throw MarketoFaults.fault(s.failureCode(), "Injected fault", "Injected fault " + s.failureCode());
        }
    }
}
