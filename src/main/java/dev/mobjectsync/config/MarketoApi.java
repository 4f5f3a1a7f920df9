package dev.mobjectsync.config;

import java.util.Locale;

/**
 * The gateways behind the seam {@code direct:send-batch} (DESIGN.md §8b), chosen by
 * {@code mobject-sync.marketo.api}, with what each takes in one call: SOAP syncMObjects 100 objects of
 * any type; REST 300 opportunities or roles, and one Program per update call (MARKETO-REST.md §5).
 */
public enum MarketoApi {
    SOAP("Marketo accepts at most 100 objects per syncMObjects call") {
        @Override
        public int maxBatch(String type) {
            return 100;
        }
    },
    REST("Marketo's REST API accepts at most 300 opportunities or roles per call") {
        @Override
        public int maxBatch(String type) {
            return "Program".equals(type) ? 1 : 300;
        }
    };

    private final String limitReason;

    MarketoApi(String limitReason) {
        this.limitReason = limitReason;
    }

    /** The most records of this type one call takes. */
    public abstract int maxBatch(String type);

    /** The most records one call of any type takes. */
    public int largestBatch() {
        return Math.max(maxBatch("Opportunity"), maxBatch("Program"));
    }

    /** Why {@link #largestBatch()} is the limit, for a configuration error. */
    public String limitReason() {
        return limitReason;
    }

    /** The value of {@code mobject-sync.marketo.api}: {@code soap} or {@code rest}. */
    public static MarketoApi of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
