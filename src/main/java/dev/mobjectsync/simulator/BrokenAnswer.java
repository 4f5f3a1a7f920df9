package dev.mobjectsync.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a client must refuse to read, injected by {@code failure-code}: a truncated envelope, an
 * envelope far larger than any real syncMObjects answer, and one with a DTD whose external entity
 * points back at the simulator's entity probe (a client that fetched it would be open to XXE).
 */
public enum BrokenAnswer {
    MALFORMED {
        @Override
        String body() {
            return ENVELOPE_START + "<ns1:successSyncMObjects><result><mObjStatusList><mObjStatus><id>10";
        }
    },
    OVERSIZED {
        @Override
        String body() {
            return ENVELOPE_START + "<ns1:successSyncMObjects><result><mObjStatusList><mObjStatus><id>1</id>"
                    + "<status>UPDATED</status><error>" + "x".repeat(OVERSIZED_CHARS) + "</error></mObjStatus>"
                    + ENVELOPE_END;
        }
    },
    DTD {
        @Override
        String body() {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<!DOCTYPE SOAP-ENV:Envelope [<!ENTITY probe SYSTEM \"" + HttpAnswer.PROBE + "\">]>\n"
                    + ENVELOPE_START.substring(ENVELOPE_START.indexOf("<SOAP-ENV:Envelope"))
                    + "<ns1:successSyncMObjects><result><mObjStatusList><mObjStatus><id>1</id>"
                    + "<status>UPDATED</status><error>&probe;</error></mObjStatus>" + ENVELOPE_END;
        }
    };

    /** Larger than the client's default limit (mobject-sync.marketo.max-answer-chars, 4 Mi characters). */
    static final int OVERSIZED_CHARS = 6 * 1024 * 1024;

    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:ns1=\"http://www.marketo.com/mktows/\"><SOAP-ENV:Body>";
    private static final String ENVELOPE_END = "</mObjStatusList></result></ns1:successSyncMObjects>"
            + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    abstract String body();

    HttpAnswer answer() {
        return new HttpAnswer(200, "text/xml;charset=UTF-8", body());
    }

    /** The broken answer a {@code failure-code} names, if it names one. */
    static Optional<BrokenAnswer> named(String failureCode) {
        return Arrays.stream(values()).filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(failureCode))
                .findFirst();
    }
}
