package dev.mobjectsync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.cxf.binding.soap.SoapFault;

import com.marketo.mktows.AuthenticationHeaderInfo;

/**
 * Checks an AuthenticationHeader as Marketo does: the user id and the HMAC must match (else 20014),
 * and the timestamp must be recent (else 20016). The signature is computed here, from MARKETO.md's algorithm
 * (lowercase hex of HMAC-SHA1(key, requestTimestamp + mktowsUserId)), not with the pipeline's code. Marketo's exact window is not documented; the
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
        String expected = hmac(header.getRequestTimestamp() + userId);
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

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    private static SoapFault authenticationFailed() {
        return MarketoFaults.fault(MarketoFaults.AUTHENTICATION_FAILED, "Authentication failed",
                "Authentication failed");
    }

    private static SoapFault expired(String message) {
        return MarketoFaults.fault(MarketoFaults.REQUEST_EXPIRED, "Request expired", message);
    }
}
