package dev.mobjectsync.marketo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Marketo's request signature: lowercase hex of HMAC-SHA1(secretKey, requestTimestamp + mktowsUserId),
 * over a W3C timestamp with a numeric offset ({@code 2013-08-05T14:22:45-07:00}).
 */
public final class MarketoSignature {

    /** W3C date-time to the second, offset always numeric ({@code +00:00}, never {@code Z}). */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private MarketoSignature() {
    }

    public static String timestamp(ZonedDateTime time) {
        return TIMESTAMP.format(time);
    }

    public static String sign(String requestTimestamp, String userId, byte[] secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA1"));
            byte[] digest = mac.doFinal((requestTimestamp + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }
}
