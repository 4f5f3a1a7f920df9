package dev.mobjectsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

import com.marketo.mktows.AuthenticationHeaderInfo;

import dev.mobjectsync.marketo.MarketoSignature;

class SignatureCheckTest {

    private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2013-08-05T21:22:45Z");
    private final SignatureCheck check = new SignatureCheck("user", KEY, Duration.ofMinutes(15));

    private static AuthenticationHeaderInfo header(String user, String timestamp, byte[] key) {
        AuthenticationHeaderInfo header = new AuthenticationHeaderInfo();
        header.setMktowsUserId(user);
        header.setRequestTimestamp(timestamp);
        header.setRequestSignature(MarketoSignature.sign(timestamp, user, key));
        return header;
    }

    @Test
    void validHeaderPasses() {
        check.verify(header("user", "2013-08-05T14:22:45-07:00", KEY), NOW);
    }

    @Test
    void wrongSecretIsAuthenticationFailed() {
        SoapFault fault = assertThrows(SoapFault.class,
                () -> check.verify(header("user", "2013-08-05T14:22:45-07:00", "other".getBytes()), NOW));
        assertEquals("20014", MarketoFaults.codeOf(fault));
    }

    @Test
    void wrongUserIsAuthenticationFailed() {
        SoapFault fault = assertThrows(SoapFault.class,
                () -> check.verify(header("intruder", "2013-08-05T14:22:45-07:00", KEY), NOW));
        assertEquals("20014", MarketoFaults.codeOf(fault));
    }

    @Test
    void missingHeaderIsAuthenticationFailed() {
        SoapFault fault = assertThrows(SoapFault.class, () -> check.verify(null, NOW));
        assertEquals("20014", MarketoFaults.codeOf(fault));
    }

    @Test
    void staleTimestampIsRequestExpired() {
        SoapFault fault = assertThrows(SoapFault.class,
                () -> check.verify(header("user", "2013-08-05T13:00:00-07:00", KEY), NOW));
        assertEquals("20016", MarketoFaults.codeOf(fault));
    }
}
