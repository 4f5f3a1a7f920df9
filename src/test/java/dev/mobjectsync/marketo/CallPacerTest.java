package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class CallPacerTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void neverMoreCallsInAWindowThanAllowed() throws Exception {
        Duration window = Duration.ofMillis(300);
        CallPacer pacer = new CallPacer(10, 3, window, 10_000, Duration.ofMinutes(15), Clock.systemUTC());
        List<Instant> admitted = new ArrayList<>();

        for (int i = 0; i < 9; i++) {
            Exchange exchange = new DefaultExchange(camel);
            pacer.acquire(exchange);
            admitted.add(Instant.now());
            pacer.release(exchange);
        }

        for (int i = 0; i + 3 < admitted.size(); i++) {
            Duration between = Duration.between(admitted.get(i), admitted.get(i + 3));
            assertTrue(between.compareTo(window) >= 0, "calls " + i + " and " + (i + 3) + " only " + between
                    + " apart");
        }
    }

    @Test
    void neverMoreCallsAtOnceThanAllowed() throws Exception {
        CallPacer pacer = new CallPacer(3, 1000, Duration.ofSeconds(20), 10_000, Duration.ofMinutes(15), Clock
                .systemUTC());
        AtomicInteger inFlight = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(12);

        for (int i = 0; i < 60; i++) {
            pool.submit(() -> {
                Exchange exchange = new DefaultExchange(camel);
                pacer.acquire(exchange);
                seen.add(inFlight.incrementAndGet());
                Thread.sleep(5);
                inFlight.decrementAndGet();
                pacer.release(exchange);
                return null;
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(60, seen.size());
        assertTrue(seen.stream().allMatch(n -> n <= 3), "at most 3 at once: " + seen);
    }

    @Test
    void aWaitInterruptedAfterTakingAPlaceGivesItBackOnRelease() throws Exception {
        CallPacer pacer = new CallPacer(1, 1, Duration.ofMillis(300), 10_000, Duration.ofMinutes(15), Clock
                .systemUTC());
        Exchange first = new DefaultExchange(camel);
        pacer.acquire(first);
        pacer.release(first);
        Exchange interrupted = new DefaultExchange(camel);
        Thread waiter = new Thread(() -> {
            try {
                pacer.acquire(interrupted);
            } catch (InterruptedException e) {
                pacer.release(interrupted);
            }
        });
        waiter.start();
        waiter.join(150);
        assertTrue(waiter.isAlive(), "the waiter holds the only place and waits for the window");
        waiter.interrupt();
        waiter.join(5000);

        Exchange next = new DefaultExchange(camel);
        Thread later = new Thread(() -> {
            try {
                pacer.acquire(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        later.start();
        later.join(10_000);
        assertTrue(!later.isAlive(), "the only place, taken before the interrupted wait, is free again");
        pacer.release(next);
    }

    @Test
    void releaseWithoutAPermitGivesNothingBack() throws Exception {
        CallPacer pacer = new CallPacer(1, 1000, Duration.ofSeconds(20), 10_000, Duration.ofMinutes(15), Clock
                .systemUTC());
        Exchange first = new DefaultExchange(camel);
        pacer.acquire(first);
        pacer.release(first);
        pacer.release(first);
        Exchange second = new DefaultExchange(camel);
        pacer.acquire(second);
        Exchange third = new DefaultExchange(camel);
        Thread waiter = new Thread(() -> {
            try {
                pacer.acquire(third);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(300);
        assertTrue(waiter.isAlive(), "a double release must not free a second place");
        pacer.release(second);
        waiter.join(5000);
        assertTrue(!waiter.isAlive());
    }

    @Test
    void aSpentMarketoQuotaHoldsEveryCallUntilTheNextProbe() throws Exception {
        Duration probe = Duration.ofMillis(400);
        CallPacer pacer = new CallPacer(10, 1000, Duration.ofSeconds(20), 10_000, probe, Clock.systemUTC());

        Instant held = Instant.now();
        pacer.holdUntilQuotaResets();
        Exchange exchange = new DefaultExchange(camel);
        pacer.acquire(exchange);
        Duration waited = Duration.between(held, Instant.now());
        pacer.release(exchange);

        assertTrue(waited.compareTo(probe) >= 0, "the call went out after only " + waited);
        Instant free = Instant.now();
        Exchange next = new DefaultExchange(camel);
        pacer.acquire(next);
        pacer.release(next);
        assertTrue(Duration.between(free, Instant.now()).compareTo(probe) < 0, "once probed, calls flow again");
    }
}
