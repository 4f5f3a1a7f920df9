package dev.mobjectsync.marketo.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.SteppedClock;

class RestTokensTest {

    private final AtomicInteger fetches = new AtomicInteger();

    private final SteppedClock clock = new SteppedClock();

    private RestTokens tokens(long lifeSeconds) {
        return new RestTokens(() -> new RestTokens.Issued("t" + fetches.incrementAndGet(),
                Duration.ofSeconds(lifeSeconds)), Duration.ofSeconds(60), clock);
    }

    @Test
    void aTokenIsCachedAndRenewedBeforeItExpires() throws Exception {
        RestTokens tokens = tokens(3600);
        assertEquals("t1", tokens.current());
        clock.advance(Duration.ofSeconds(3539));
        assertEquals("t1", tokens.current());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("t2", tokens.current(), "renewed 60 s before it expires");
    }

    @Test
    void aShortLivedTokenIsUsedForHalfItsLife() throws Exception {
        RestTokens tokens = tokens(10);
        assertEquals("t1", tokens.current());
        clock.advance(Duration.ofSeconds(4));
        assertEquals("t1", tokens.current());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("t2", tokens.current());
    }

    @Test
    void aRefusedTokenIsReplacedOnlyOnce() throws Exception {
        RestTokens tokens = tokens(3600);
        String refused = tokens.current();
        tokens.invalidate(refused);
        String renewed = tokens.current();
        assertNotEquals(refused, renewed);
        tokens.invalidate(refused);
        assertEquals(renewed, tokens.current(), "a late 602 for the old token does not drop the new one");
    }
}
