package dev.mobjectsync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's identity service (MARKETO-REST.md §1): checks the client credentials, issues access
 * tokens that live {@code token-ttl}, answers the same token with its remaining life while it is valid,
 * and tells a call's token apart as valid, invalid (601) or expired (602). {@link #expireAll()} lets a
 * test expire every token at once. Plain Java, thread-safe.
 */
public class RestTokenIssuer {

    /** A token and its remaining life in seconds. */
    public record Issued(String accessToken, long expiresIn) {
    }

    public static final String INVALID = "601";
    public static final String EXPIRED = "602";

    private final String clientId;
    private final byte[] clientSecret;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private String current;

    public RestTokenIssuer(String clientId, byte[] clientSecret, Duration ttl, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The token for these credentials, or null when they are wrong (HTTP 401). */
    public synchronized Issued issue(String id, String secret) {
        if (id == null || secret == null || !clientId.equals(id)
                || !MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        Instant now = clock.instant();
        Instant expiry = current == null ? null : expiries.get(current);
        if (expiry == null || !now.isBefore(expiry)) {
            current = UUID.randomUUID() + ":sim";
            expiry = now.plus(ttl);
            expiries.put(current, expiry);
        }
        return new Issued(current, Math.max(1, Duration.between(now, expiry).toSeconds()));
    }

    /** Null for a valid token; {@link #INVALID} (unknown or missing) or {@link #EXPIRED}. */
    public String check(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return INVALID;
        }
        return clock.instant().isBefore(expiry) ? null : EXPIRED;
    }

    /** Every token issued so far expires now. */
    public synchronized void expireAll() {
        Instant now = clock.instant();
        expiries.replaceAll((token, expiry) -> now);
    }
}
