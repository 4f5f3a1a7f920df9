package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class MarketoSignatureTest {

    @Test
    void publishedTestVectorSignsToThePublishedSignature() {
        String signature = MarketoSignature.sign("2010-04-09T14:04:54-07:00", "bigcorp1_461839624B16E06BA2D663",
                "899756834129871744AAEE88DDCC77CDEEDEC1AAAD66".getBytes(StandardCharsets.UTF_8));

        assertEquals("ffbff4d4bef354807481e66dc7540f7890523a87", signature);
    }

    @Test
    void timestampIsW3cWithANumericOffset() {
        ZonedDateTime losAngeles = ZonedDateTime.of(2013, 8, 5, 14, 22, 45, 123_000_000, ZoneId.of(
                "America/Los_Angeles"));

        assertEquals("2013-08-05T14:22:45-07:00", MarketoSignature.timestamp(losAngeles));
    }

    @Test
    void utcTimestampCarriesPlusZeroOffsetNotZ() {
        ZonedDateTime utc = Instant.parse("2026-01-02T03:04:05Z").atZone(ZoneOffset.UTC);

        assertEquals("2026-01-02T03:04:05+00:00", MarketoSignature.timestamp(utc));
    }

    @Test
    void signatureIsFortyLowercaseHexCharacters() {
        String signature = MarketoSignature.sign("2013-08-05T14:22:45-07:00", "user", "key".getBytes(
                StandardCharsets.UTF_8));

        assertTrue(signature.matches("[0-9a-f]{40}"), signature);
    }
}
