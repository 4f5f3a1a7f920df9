package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.marketo.rest.HttpStatusException;
import dev.mobjectsync.marketo.rest.RestFault;
import dev.mobjectsync.marketo.rest.RestGateway;
import dev.mobjectsync.marketo.rest.RestRequestBuilder;
import dev.mobjectsync.model.Stage;

/** Each gateway reads its own fault codes; the seam's classifier takes a gateway's fault as the gateway classified it. */
class GatewayFaultKindsTest {

    private final FaultClassifier classifier = new FaultClassifier();

    @Test
    void theSoapGatewayReadsSoapCodes() {
        assertEquals(FaultKind.RETRYABLE, SoapGateway.INSTANCE.kindOf("20023"));
        assertEquals(FaultKind.RETRYABLE, SoapGateway.INSTANCE.kindOf("20016"));
        assertEquals(FaultKind.QUOTA_SPENT, SoapGateway.INSTANCE.kindOf("20015"));
        assertEquals(FaultKind.CONTENT, SoapGateway.INSTANCE.kindOf("20017"));
        assertEquals(FaultKind.FINAL, SoapGateway.INSTANCE.kindOf("20014"));
        assertEquals(FaultKind.FINAL, SoapGateway.INSTANCE.kindOf("606"), "a REST code means nothing to SOAP");
    }

    @Test
    void theRestGatewayReadsRestCodes() {
        assertEquals(FaultKind.RETRYABLE, RestGateway.INSTANCE.kindOf("606"));
        assertEquals(FaultKind.RETRYABLE, RestGateway.INSTANCE.kindOf("615"));
        assertEquals(FaultKind.QUOTA_SPENT, RestGateway.INSTANCE.kindOf("607"));
        assertEquals(FaultKind.CONTENT, RestGateway.INSTANCE.kindOf(RestRequestBuilder.ONE_PROGRAM_PER_CALL));
        assertEquals(FaultKind.FINAL, RestGateway.INSTANCE.kindOf("603"));
        assertEquals(FaultKind.FINAL, RestGateway.INSTANCE.kindOf(RestRequestBuilder.MIXED_KEYS),
                "a batch never mixes key kinds: one that does is a mistake to show, not to halve");
        assertEquals(FaultKind.FINAL, RestGateway.INSTANCE.kindOf("20023"), "a SOAP code means nothing to REST");
    }

    @Test
    void theClassifierKeepsTheGatewaysReading() {
        MarketoFault quota = classifier.classify(new RuntimeException(new RestFault("607", "Daily quota reached")));
        assertEquals(new MarketoFault(Stage.MARKETO, "607", "Daily quota reached", FaultKind.QUOTA_SPENT), quota);
        assertEquals(FaultKind.RETRYABLE, classifier.classify(new HttpStatusException(503)).kind());
        assertEquals("HTTP_413", classifier.classify(new HttpStatusException(413)).code());
        assertEquals(FaultKind.FINAL, classifier.classify(new HttpStatusException(413)).kind());
    }
}
