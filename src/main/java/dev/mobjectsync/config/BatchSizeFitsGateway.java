package dev.mobjectsync.config;

import java.util.Optional;

/**
 * {@code mobject-sync.batch.size} fits the chosen gateway (SOAP 100, REST 300). Checked by
 * {@link SettingsValidator} with the other settings when the configuration is read, so a bad size is reported
 * in the same short block, before anything starts.
 */
final class BatchSizeFitsGateway {

    private BatchSizeFitsGateway() {
    }

    /** {@code batch.size <message>} when the size is too large for the gateway, else empty. */
    static Optional<String> problem(SyncConfig config) {
        Integer size = config.batch().size().orElse(null);
        if (size == null || !config.marketo().api().matches("soap|rest")) {
            return Optional.empty();
        }
        MarketoApi api = MarketoApi.of(config.marketo().api());
        if (size < 1 || size > MarketoApi.REST.largestBatch() || size <= api.largestBatch()) {
            return Optional.empty(); // out of every gateway's range: the key's own constraints say so
        }
        return Optional.of("batch.size is " + size + "; must be 1.." + api.largestBatch() + " with marketo.api="
                + config.marketo().api() + " (" + api.limitReason() + ")");
    }
}
