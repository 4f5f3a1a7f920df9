package dev.mobjectsync.marketo;

import dev.mobjectsync.config.MarketoApi;

/**
 * One way to Marketo behind the seam {@code direct:send-batch} (DESIGN.md §8b): what one call takes and
 * what its Marketo fault codes mean. The seam's classes ask this interface and never know a gateway's
 * codes themselves; {@link SoapGateway} and {@code marketo.rest.RestGateway} answer for theirs.
 */
public interface Gateway {

    /** The value of {@code mobject-sync.marketo.api} that selects this gateway. */
    MarketoApi api();

    /** The most records of this type one call takes. */
    default int maxBatch(String type) {
        return api().maxBatch(type);
    }

    /** What a fault code Marketo answered this gateway's call with means (transport errors: {@link FaultClassifier}). */
    FaultKind kindOf(String marketoCode);
}
