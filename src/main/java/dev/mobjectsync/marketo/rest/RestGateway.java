package dev.mobjectsync.marketo.rest;

import java.util.Set;

import dev.mobjectsync.config.MarketoApi;
import dev.mobjectsync.marketo.FaultCodes;
import dev.mobjectsync.marketo.FaultKind;
import dev.mobjectsync.marketo.Gateway;

/**
 * The REST gateway's fault codes (MARKETO-REST.md §5): 502, 604, 608 and 713 (Marketo's own troubles),
 * 606 and 615 (rate and concurrency limits) are tried again; 607 is the daily quota; several Programs in
 * one batch ({@link RestRequestBuilder#ONE_PROGRAM_PER_CALL}) are split like a batch refused for its content;
 * everything else (601/602 once a new token was refused too, 603, 609, 610, 611, ...) is final, among them
 * {@link RestRequestBuilder#MIXED_KEYS}: a batch never mixes key kinds (its key holds the kind), so halving
 * one would only hide the mistake.
 */
public final class RestGateway implements Gateway {

    public static final RestGateway INSTANCE = new RestGateway();

    private static final FaultCodes CODES = new FaultCodes(Set.of("502", "604", "606", "608", "615", "713"),
            Set.of(RestRequestBuilder.ONE_PROGRAM_PER_CALL), "607");

    private RestGateway() {
    }

    @Override
    public MarketoApi api() {
        return MarketoApi.REST;
    }

    @Override
    public FaultKind kindOf(String marketoCode) {
        return CODES.kindOf(marketoCode);
    }
}
