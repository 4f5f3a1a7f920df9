package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.marketo.mktows.AuthenticationHeaderInfo;

import dev.mobjectsync.config.Secret;

class RequestSignerTest {

    @Test
    void everyCallGetsAFreshTimestampAndMatchingSignature() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2013-08-05T21:22:45Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("America/Los_Angeles");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        RequestSigner signer = new RequestSigner("demo17_1_809934544BFABAE58E5D27",
                Secret.of("secret"), clock);

        AuthenticationHeaderInfo first = signer.header();
        now.set(now.get().plusSeconds(3));
        AuthenticationHeaderInfo retry = signer.header();

        assertEquals("2013-08-05T14:22:45-07:00", first.getRequestTimestamp());
        assertEquals("demo17_1_809934544BFABAE58E5D27", first.getMktowsUserId());
        assertEquals(MarketoSignature.sign(first.getRequestTimestamp(), first.getMktowsUserId(),
                "secret".getBytes(StandardCharsets.UTF_8)), first.getRequestSignature());
        assertEquals("2013-08-05T14:22:48-07:00", retry.getRequestTimestamp());
        assertNotEquals(first.getRequestSignature(), retry.getRequestSignature());
    }
}
