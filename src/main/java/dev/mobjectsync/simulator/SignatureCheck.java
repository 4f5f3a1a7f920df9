package dev.mobjectsync.simulator;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.cxf.binding.soap.SoapFault;

import com.marketo.mktows.AuthenticationHeaderInfo;

import dev.mobjectsync.marketo.MarketoSignature;

/**
 * Checks an AuthenticationHeader as Marketo does: the user id and the HMAC must match (else 20014),
 * and the timestamp must be recent (else 20016). Marketo's exact window is not documented; the
 * simulator's is {@code mobject-sync.simulator.timestamp-tolerance}.
 */
public class SignatureCheck {

    private final String userId;
    private final byte[] secretKey;
    private final Duration tolerance;

    public SignatureCheck(String userId, byte[] secretKey, Duration tolerance) {
        this.userId = userId;
        this.secretKey = secretKey;
        this.tolerance = tolerance;
    }

    /** Throws Marketo's fault when the header does not authenticate the call. */
    public void verify(AuthenticationHeaderInfo header, Instant now) {
        if (header == null || header.getMktowsUserId() == null || header.getRequestSignature() == null
                || header.getRequestTimestamp() == null) {
            throw authenticationFailed();
        }
        String expected = MarketoSignature.sign(header.getRequestTimestamp(), userId, secretKey);
        boolean userMatches = userId.equals(header.getMktowsUserId());
        boolean signatureMatches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.getRequestSignature().getBytes(StandardCharsets.US_ASCII));
        if (!userMatches || !signatureMatches) {
            throw authenticationFailed();
        }
        Instant signedAt;
        try {
            signedAt = OffsetDateTime.parse(header.getRequestTimestamp()).toInstant();
        } catch (DateTimeParseException e) {
            throw expired("requestTimestamp '" + header.getRequestTimestamp() + "' is not a W3C date-time");
        }
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw expired("Request expired: requestTimestamp " + header.getRequestTimestamp() + " is older than "
                    + tolerance.toSeconds() + " s");
        }
    }

    private static SoapFault authenticationFailed() {
        return MarketoFaults.fault(MarketoFaults.AUTHENTICATION_FAILED, "Authentication failed", "Authentication failed");
    }

    private static SoapFault expired(String message) {
        return MarketoFaults.fault(MarketoFaults.REQUEST_EXPIRED, "Request expired", message);
    }
}
