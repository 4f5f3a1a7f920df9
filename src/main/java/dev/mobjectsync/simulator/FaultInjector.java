package dev.mobjectsync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.marketo.mktows.MObject;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the simulator misbehave the way Marketo does, by configuration
 * ({@code mobject-sync.simulator.faults.*}) or, in tests, by {@link #set(Settings)}: added latency, a
 * fraction of calls answered with a chosen fault code, a bare HTTP 503 or a broken answer
 * ({@link BrokenAnswer}), Marketo's concurrency limit (20024) and rate limit (20023, calls per sliding
 * window), a daily quota (20015, reset at midnight America/Chicago or by {@link #newDay()}), an outage
 * (HTTP 503 for every call until a given instant), and a poison value: a call holding an object with
 * that value anywhere in its attributes or external key is refused as a whole with 20110, as Marketo
 * refuses a call over one bad object.
 */
@ApplicationScoped
public class FaultInjector {

    /**
     * What to inject; zero or null switches a fault off. {@code failureCode} is a Marketo fault code,
     * "503" for a bare HTTP 503, or a {@link BrokenAnswer}'s name ("malformed", "oversized", "dtd").
     */
    public record Settings(Duration latency, double failureRate, String failureCode, int maxConcurrent,
            int callsPerWindow, Duration window, int dailyQuota, String poisonValue, long seed) {

        public static Settings none() {
            return new Settings(Duration.ZERO, 0, "20023", 0, 0, Duration.ofSeconds(20), 0, null, 1);
        }

        public Settings withFailures(double rate, String code) {
            return new Settings(latency, rate, code, maxConcurrent, callsPerWindow, window, dailyQuota, poisonValue,
                    seed);
        }

        public Settings withDailyQuota(int quota) {
            return new Settings(latency, failureRate, failureCode, maxConcurrent, callsPerWindow, window, quota,
                    poisonValue, seed);
        }

        public Settings withPoison(String value) {
            return new Settings(latency, failureRate, failureCode, maxConcurrent, callsPerWindow, window, dailyQuota,
                    value, seed);
        }

        /** True when the failures are answered before SOAP: a bare 503 or a broken answer. */
        boolean failsOverHttp() {
            return HTTP_503.equals(failureCode) || BrokenAnswer.named(failureCode).isPresent();
        }
    }

    public static final String HTTP_503 = "503";
    static final ZoneId MARKETO_DAY = ZoneId.of("America/Chicago");

    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private final Deque<Instant> recentCalls = new ArrayDeque<>();
    private volatile Settings settings;
    private volatile Instant outageUntil = Instant.MIN;
    private final AtomicInteger brokenAnswers = new AtomicInteger();
    private final AtomicInteger entityFetches = new AtomicInteger();
    private Random random;
    private int callsToday;
    private LocalDate today;

    public FaultInjector(SimulatorConfig config, Clock clock) {
        this.clock = clock;
        SimulatorConfig.Faults faults = config.faults();
        set(new Settings(faults.latency(), faults.failureRate(), faults.failureCode(), faults.maxConcurrent(),
                faults.callsPerWindow(), faults.window(), faults.dailyQuota(), faults.poisonValue().orElse(null),
                faults.seed()));
    }

    public synchronized void set(Settings next) {
        settings = next;
        random = new Random(next.seed());
        recentCalls.clear();
        callsToday = 0;
        outageUntil = Instant.MIN;
        unavailableAnswers.set(0);
        brokenAnswers.set(0);
    }

    /** Marketo's day ends: the daily quota is whole again. */
    public synchronized void newDay() {
        callsToday = 0;
    }

    /** Every call answers HTTP 503 for this long, from now. */
    public void outage(Duration length) {
        outageUntil = clock.instant().plus(length);
    }

    /**
     * Decided before the SOAP stack sees the request: answer it over bare HTTP instead? Empty: no,
     * let the SOAP service answer. Otherwise an HTTP 503 (outage, or an injected 503) or a broken answer.
     */
    public synchronized Optional<HttpAnswer> httpAnswer() {
        if (clock.instant().isBefore(outageUntil)) {
            unavailableAnswers.incrementAndGet();
            return Optional.of(HttpAnswer.UNAVAILABLE);
        }
        Settings s = settings;
        if (!s.failsOverHttp() || s.failureRate() <= 0 || random.nextDouble() >= s.failureRate()) {
            return Optional.empty();
        }
        Optional<BrokenAnswer> broken = BrokenAnswer.named(s.failureCode());
        if (broken.isPresent()) {
            brokenAnswers.incrementAndGet();
            return Optional.of(broken.get().answer());
        }
        unavailableAnswers.incrementAndGet();
        return Optional.of(HttpAnswer.UNAVAILABLE);
    }

    /** How many calls were answered with a bare HTTP 503 (they never reach the call log). */
    public int unavailableAnswers() {
        return unavailableAnswers.get();
    }

    /** How many calls were answered with a broken answer (they never reach the call log). */
    public int brokenAnswers() {
        return brokenAnswers.get();
    }

    /** How many times anything fetched the entity probe a DTD answer points at (should stay 0). */
    public int entityFetches() {
        return entityFetches.get();
    }

    void entityFetched() {
        entityFetches.incrementAndGet();
    }

    /** A call holding the poison value is refused as a whole, as Marketo refuses a call over one bad object. */
    public void refusePoison(List<MObject> objects) {
        String poison = settings.poisonValue();
        if (poison == null) {
            return;
        }
        for (int i = 0; i < objects.size(); i++) {
            MObject object = objects.get(i);
            boolean poisoned = object.getExternalKey() != null && poison.equals(object.getExternalKey().getValue())
                    || object.getAttribList() != null && object.getAttribList().getAttrib().stream()
                            .anyMatch(attrib -> poison.equals(attrib.getValue()));
            if (poisoned) {
                throw MarketoFaults.fault("20110", "Bad Parameter", "Input error: invalid value in mObject #" + (i
                        + 1));
            }
        }
    }

    /** The codes one API answers when a limit applies: SOAP 20024/20023/20015, REST 615/606/607. */
    public record LimitCodes(String concurrency, String rate, String quota) {
        public static final LimitCodes SOAP = new LimitCodes("20024", "20023", "20015");
        public static final LimitCodes REST = new LimitCodes("615", "606", "607");
    }

    /** A call refused by a limit or an injected failure: the code, Marketo's short text and its message. */
    public static final class Refused extends RuntimeException {
        private final String code;
        private final String text;

        Refused(String code, String text, String message) {
            super(message, null, false, false);
            this.code = code;
            this.text = text;
        }

        public String code() {
            return code;
        }

        public String text() {
            return text;
        }
    }

    /** Enters a SOAP call: throws Marketo's fault when a limit or an injected failure applies. */
    public void enter() {
        try {
            enter(LimitCodes.SOAP);
        } catch (Refused refused) {
            throw MarketoFaults.fault(refused.code(), refused.text(), refused.getMessage());
        }
    }

    /** Enters a call: throws {@link Refused} with the API's code when a limit or an injected failure applies. */
    public void enter(LimitCodes codes) {
        int concurrent = inFlight.incrementAndGet();
        try {
            admit(concurrent, codes);
        } catch (Refused refused) {
            inFlight.decrementAndGet();
            throw refused;
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

    private synchronized void admit(int concurrent, LimitCodes codes) {
        Settings s = settings;
        if (s.maxConcurrent() > 0 && concurrent > s.maxConcurrent()) {
            throw new Refused(codes.concurrency(), "Concurrency limit exceeded",
                    "More than " + s.maxConcurrent() + " concurrent calls");
        }
        Instant now = clock.instant();
        while (!recentCalls.isEmpty() && recentCalls.peekFirst().isBefore(now.minus(s.window()))) {
            recentCalls.pollFirst();
        }
        if (s.callsPerWindow() > 0 && recentCalls.size() >= s.callsPerWindow()) {
            throw new Refused(codes.rate(), "Rate limit exceeded",
                    "More than " + s.callsPerWindow() + " calls in " + s.window().toSeconds() + " s");
        }
        recentCalls.addLast(now);
        LocalDate day = now.atZone(MARKETO_DAY).toLocalDate();
        if (!day.equals(today)) {
            today = day;
            callsToday = 0;
        }
        if (s.dailyQuota() > 0 && ++callsToday > s.dailyQuota()) {
            throw new Refused(codes.quota(), "Request limit exceeded", "Daily quota of " + s.dailyQuota()
                    + " calls reached");
        }
        if (s.failureRate() > 0 && !s.failsOverHttp() && random.nextDouble() < s.failureRate()) {
            throw new Refused(s.failureCode(), "Injected fault", "Injected fault " + s.failureCode());
        }
    }
}
