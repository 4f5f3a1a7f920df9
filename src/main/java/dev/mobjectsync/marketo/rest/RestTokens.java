package dev.mobjectsync.marketo.rest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access token of the REST gateway (MARKETO-REST.md §1): asked of the identity service when there
 * is none, cached, and asked again before it expires: when less than the refresh margin is left, or,
 * for a token that lives shorter than twice the margin, after half its life. A token Marketo refused
 * (601, 602) is dropped, so the next call asks for a new one. Plain Java, thread-safe.
 */
public class RestTokens {

    /** One token request to the identity service. */
    public interface Identity {
        /** The token and how long it has left to live. */
        Issued fetch() throws IOException, InterruptedException;
    }

    /** What the identity service answered. */
    public record Issued(String accessToken, Duration expiresIn) {
    }

    private final Identity identity;
    private final Duration refreshMargin;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public RestTokens(Identity identity, Duration refreshMargin, Clock clock) {
        this.identity = identity;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    /** A token to call with: the cached one while it is fresh enough, otherwise a new one. */
    public synchronized String current() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            Issued issued = identity.fetch();
            Duration life = issued.expiresIn();
            Duration use = life.minus(refreshMargin);
            if (use.compareTo(life.dividedBy(2)) < 0) {
                use = life.dividedBy(2);
            }
            token = issued.accessToken();
            refreshAt = now.plus(use);
        }
        return token;
    }

    /** Marketo refused this token: forget it, unless another call has already replaced it. */
    public synchronized void invalidate(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }
}
