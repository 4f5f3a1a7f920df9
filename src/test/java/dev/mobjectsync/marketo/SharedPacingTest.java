package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Three replicas' pacers on one PostgreSQL ledger, each with as many senders as the limit of calls at
 * once, all busy: together they never exceed the limits, and together they use them.
 */
class SharedPacingTest {

    private static final int AT_ONCE = 4;
    private static final int PER_WINDOW = 12;
    private static final Duration WINDOW = Duration.ofMillis(1000);
    private static final long CALL_MILLIS = 60;
    private static final Duration RUN = Duration.ofSeconds(5);

    private record Call(long start, long end) {
    }

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void replicasTogetherStayWithinTheLimitsAndUseThem() throws Exception {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        List<SharedQuota> quotas = new ArrayList<>();
        try (LedgerDatabase database = LedgerDatabase.create()) {
            Limits limits = new Limits(AT_ONCE, PER_WINDOW, WINDOW, 10_000, Duration.ofMinutes(15));
            ExecutorService senders = Executors.newFixedThreadPool(3 * AT_ONCE);
            long stopAt = System.nanoTime() + RUN.toNanos();
            for (int replica = 0; replica < 3; replica++) {
                SharedQuota quota = new SharedQuota(new SharedCallLedger(database.dataSource(),
                        new SharedCallLedger.Rules(limits, Duration.ofSeconds(1), Duration.ofSeconds(30))),
                        Duration.ofSeconds(1));
                quotas.add(quota);
                CallPacer pacer = new CallPacer(limits, Clock.systemUTC(), quota);
                for (int sender = 0; sender < AT_ONCE; sender++) {
                    senders.submit(() -> callUntil(pacer, stopAt, calls));
                }
            }
            senders.shutdown();
            assertTrue(senders.awaitTermination(RUN.toSeconds() + 30, TimeUnit.SECONDS));
        } finally {
            quotas.forEach(SharedQuota::close);
        }

        List<Call> made = new ArrayList<>(calls);
        // a call counts until one window (and the margin) after its end
        long counted = WINDOW.plus(Limits.MARGIN).toNanos();
        for (Call call : made) {
            long atOnce = made.stream().filter(other -> other.start <= call.start && other.end > call.start).count();
            assertTrue(atOnce <= AT_ONCE, atOnce + " calls at once, the limit is " + AT_ONCE);
            long inWindow = made.stream()
                    .filter(other -> other.start <= call.start && other.end + counted > call.start).count();
            assertTrue(inWindow <= PER_WINDOW, inWindow + " calls in one window, the limit is " + PER_WINDOW);
        }
        // each call holds its place for its own time and one window after it: that is the most the group can make.
        // Not a performance target (the bench's replicas_ceiling_fraction is): the check that the group is not held
        // back to a fraction of it, with room for a loaded machine
        double most = PER_WINDOW * (double) RUN.toMillis() / (WINDOW.toMillis() + CALL_MILLIS);
        assertTrue(made.size() >= 0.7 * most, made.size() + " calls made in " + RUN + ", the limits allow about "
                + most);
        assertEquals(0, made.stream().filter(call -> call.end < call.start).count());
    }

    private Void callUntil(CallPacer pacer, long stopAt, List<Call> calls) throws InterruptedException {
        while (System.nanoTime() < stopAt) {
            Exchange exchange = new DefaultExchange(camel);
            pacer.acquire(exchange);
            long start = System.nanoTime();
            if (start >= stopAt) {
                pacer.unused(exchange);
                return null;
            }
            Thread.sleep(CALL_MILLIS);
            pacer.answered(exchange);
            long end = System.nanoTime();
            pacer.release(exchange);
            calls.add(new Call(start, end));
        }
        return null;
    }
}
