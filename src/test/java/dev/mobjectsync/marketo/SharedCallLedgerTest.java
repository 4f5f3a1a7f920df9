package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger on a real PostgreSQL server (a scratch database): the group's window, calls at once, daily
 * budget and quota hold, and what happens to the calls of a replica that dies.
 */
class SharedCallLedgerTest {

    private static final Duration WINDOW = Duration.ofMillis(800);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private static LedgerDatabase database;
    private final List<SharedCallLedger> replicas = new ArrayList<>();

    @BeforeAll
    static void createDatabase() throws Exception {
        database = LedgerDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void freshLedger() throws Exception {
        database.reset();
    }

    @AfterEach
    void closeReplicas() throws Exception {
        for (SharedCallLedger replica : replicas) {
            replica.close();
        }
    }

    @Test
    void theGroupMakesNoMoreCallsInAWindowThanAllowed() throws Exception {
        SharedCallLedger a = replica(10, 4, 1000, Duration.ofSeconds(30));
        SharedCallLedger b = replica(10, 4, 1000, Duration.ofSeconds(30));
        List<Long> calls = new ArrayList<>();
        for (SharedCallLedger replica : List.of(a, b, a, b)) {
            SharedCallLedger.Attempt attempt = replica.tryTake();
            assertTrue(attempt.isTaken(), "place " + calls.size() + " of 4");
            calls.add(attempt.id());
        }
        for (long call : calls) {
            (call % 2 == 0 ? a : b).ended(call, true);
        }

        SharedCallLedger.Attempt fifth = b.tryTake();
        assertFalse(fifth.isTaken(), "a fifth call in the window");
        assertEquals(CallWaits.Place.RATE_WINDOW, fifth.reason());
        assertTrue(fifth.waitFor().compareTo(WINDOW) <= 0 && fifth.waitFor().compareTo(WINDOW.dividedBy(2)) > 0,
                "waits about a window after the first end: " + fifth.waitFor());
        assertEquals(4, a.figures().inWindow());
        assertEquals(0, a.figures().inFlight());

        Thread.sleep(fifth.waitFor().toMillis() + 20);
        assertTrue(b.tryTake().isTaken(), "a place once the first call left the window");
    }

    @Test
    void theGroupMakesNoMoreCallsAtOnceThanAllowed() throws Exception {
        SharedCallLedger a = replica(2, 100, 1000, Duration.ofSeconds(30));
        SharedCallLedger b = replica(2, 100, 1000, Duration.ofSeconds(30));
        long first = a.tryTake().id();
        assertTrue(b.tryTake().isTaken());

        SharedCallLedger.Attempt third = b.tryTake();
        assertFalse(third.isTaken(), "a third call at once");
        assertNull(third.reason(), "a wait for a call to end is short and not a quota wait");
        assertEquals(2, b.figures().inFlight());

        a.ended(first, true);
        assertTrue(b.tryTake().isTaken(), "the place of the ended call");
    }

    @Test
    void aDeadReplicasCallsEndAtOnceButStillCountInTheWindow() throws Exception {
        SharedCallLedger dying = replica(2, 3, 1000, Duration.ofSeconds(30));
        SharedCallLedger survivor = replica(2, 3, 1000, Duration.ofSeconds(30));
        assertTrue(dying.tryTake().isTaken());
        assertTrue(dying.tryTake().isTaken());
        assertFalse(survivor.tryTake().isTaken(), "both places are the dying replica's");

        dying.close(); // its connection goes, and its advisory lock with it, as when its process is killed

        assertTrue(survivor.tryTake().isTaken(), "the dead replica's places come back at once");
        assertEquals(1, survivor.figures().inFlight());
        assertEquals(3, survivor.figures().inWindow(), "the dead replica's calls still count in the window");
        assertEquals(CallWaits.Place.RATE_WINDOW, survivor.tryTake().reason());
    }

    @Test
    void aReplicaThatLostItsLockTakesItBackAndItsCallsCountAgain() throws Exception {
        SharedCallLedger cut = replica(2, 100, 1000, Duration.ofSeconds(30));
        SharedCallLedger other = replica(2, 100, 1000, Duration.ofSeconds(30));
        assertTrue(cut.tryTake().isTaken());
        database.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = "
                + SharedCallLedger.LOCK_CLASS + " AND objid = " + cut.replica() + " AND objsubid = 2");
        assertTrue(other.tryTake().isTaken(), "meanwhile the cut replica's call looks ended");

        SharedCallLedger.Attempt next = cut.tryTake();

        assertEquals(2, other.figures().inFlight(),
                "the cut replica took its lock again, and its call is in flight again");
        assertFalse(next.isTaken(), "so the group is at its 2 calls at once");
        assertEquals(1L, database.count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = "
                + SharedCallLedger.LOCK_CLASS + " AND objid = " + cut.replica() + " AND granted"));
    }

    @Test
    void callsNotRenewedForTakeoverAfterEnd() throws Exception {
        SharedCallLedger stuck = replica(1, 100, 1000, Duration.ofMillis(600));
        SharedCallLedger other = replica(1, 100, 1000, Duration.ofMillis(600));
        assertTrue(stuck.tryTake().isTaken());
        assertFalse(other.tryTake().isTaken(), "the stuck replica's call is in flight");

        Thread.sleep(700); // the stuck replica still holds its lock, but renews nothing

        assertTrue(other.tryTake().isTaken(), "a call not renewed for takeover-after counts as ended");
    }

    @Test
    void aSpentQuotaHoldsEveryReplicaAndOneProbeLiftsTheHold() throws Exception {
        SharedCallLedger a = replica(10, 100, 1000, Duration.ofSeconds(30));
        SharedCallLedger b = replica(10, 100, 1000, Duration.ofSeconds(30));
        a.quotaSpent(Instant.now().plusMillis(400));

        SharedCallLedger.Attempt held = b.tryTake();
        assertEquals(CallWaits.Place.DAILY_QUOTA, held.reason(), "the other replica holds too");
        assertTrue(b.figures().heldUntil() != null);
        Thread.sleep(held.waitFor().toMillis() + 20);

        SharedCallLedger.Attempt probe = b.tryTake();
        assertTrue(probe.isTaken(), "one call probes when the hold ends");
        assertEquals(CallWaits.Place.DAILY_QUOTA, a.tryTake().reason(), "the others wait for the probe's answer");

        b.ended(probe.id(), true);
        assertTrue(a.tryTake().isTaken(), "the probe was answered: the hold is lifted for all");
        assertNull(a.figures().heldUntil());
    }

    @Test
    void aProbeWithoutAnAnswerLeavesTheHoldForTwoWindows() throws Exception {
        SharedCallLedger a = replica(10, 100, 1000, Duration.ofSeconds(30));
        SharedCallLedger b = replica(10, 100, 1000, Duration.ofSeconds(30));
        a.quotaSpent(Instant.now().minusMillis(1));
        long probe = a.tryTake().id();

        a.ended(probe, false);

        SharedCallLedger.Attempt held = b.tryTake();
        assertEquals(CallWaits.Place.DAILY_QUOTA, held.reason(), "no answer: still held");
        assertTrue(held.waitFor().compareTo(WINDOW) > 0 && held.waitFor().compareTo(WINDOW.multipliedBy(2)) <= 0,
                "until two windows after the probe: " + held.waitFor());
        Thread.sleep(held.waitFor().toMillis() + 20);
        assertTrue(b.tryTake().isTaken(), "the next probe");
    }

    @Test
    void theDailyBudgetIsTheGroupsAndAnUnusedPlaceIsGivenBack() throws Exception {
        SharedCallLedger a = replica(10, 100, 3, Duration.ofSeconds(30));
        SharedCallLedger b = replica(10, 100, 3, Duration.ofSeconds(30));
        assertTrue(a.tryTake().isTaken());
        assertTrue(b.tryTake().isTaken());
        long third = a.tryTake().id();
        assertEquals(3, b.figures().today());

        SharedCallLedger.Attempt spent = b.tryTake();
        assertEquals(CallWaits.Place.DAILY_QUOTA, spent.reason());
        Instant midnight = Instant.now().atZone(CallPacer.MARKETO_DAY).toLocalDate().plusDays(1)
                .atStartOfDay(CallPacer.MARKETO_DAY).toInstant();
        assertEquals(midnight, spent.until(), "the budget comes back at midnight America/Chicago");

        a.unused(third);
        assertEquals(2, b.figures().today());
        assertTrue(b.tryTake().isTaken(), "the place given back");
    }

    private SharedCallLedger replica(int maxConcurrent, int callsPerWindow, int dailyBudget, Duration takeoverAfter)
            throws Exception {
        Limits limits = new Limits(maxConcurrent, callsPerWindow, WINDOW.minus(Limits.MARGIN), dailyBudget,
                Duration.ofMinutes(15));
        SharedCallLedger replica = new SharedCallLedger(database.dataSource(),
                new SharedCallLedger.Rules(limits, HEARTBEAT, takeoverAfter));
        replica.open();
        replicas.add(replica);
        return replica;
    }
}
