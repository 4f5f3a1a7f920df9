package dev.mobjectsync.marketo;

import java.util.Set;

import dev.mobjectsync.config.MarketoApi;

/**
 * The SOAP gateway's fault codes (MARKETO.md §3): 20016 (request expired: the retry carries a new
 * signature), 20023 and 20024 (rate and concurrency limits), 10001 and 20011 (internal errors) are tried
 * again; 20015 is the daily quota; 20017, 20109 and 20110 refuse the batch for its content; everything
 * else (20014 authentication, 20013 access denied, ...) is final.
 */
public final class SoapGateway implements Gateway {

    public static final SoapGateway INSTANCE = new SoapGateway();

    private static final FaultCodes CODES = new FaultCodes(Set.of("20016", "20023", "20024", "10001", "20011"),
            Set.of("20017", "20109", "20110"), "20015");

    private SoapGateway() {
    }

    @Override
    public MarketoApi api() {
        return MarketoApi.SOAP;
    }

    @Override
    public FaultKind kindOf(String marketoCode) {
        return CODES.kindOf(marketoCode);
    }
}
