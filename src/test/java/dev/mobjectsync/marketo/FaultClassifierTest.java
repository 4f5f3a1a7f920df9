package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Stage;
import dev.mobjectsync.simulator.MarketoFaults;

import jakarta.xml.bind.UnmarshalException;

class FaultClassifierTest {

    private final FaultClassifier classifier = new FaultClassifier();

    @Test
    void marketoFaultCodeComesFromTheServiceExceptionDetail() {
        SoapFault fault = MarketoFaults.fault("20014", "Authentication failed", "Authentication failed");

        MarketoFault result = classifier.classify(new RuntimeException("wrapped", fault));

        assertEquals(new MarketoFault(Stage.MARKETO, "20014", "Authentication failed (20014)", FaultKind.FINAL),
                result);
    }

    @Test
    void faultWithoutDetailFallsBackToTheFaultstring() {
        QName client = Soap11.getInstance().getSender();

        MarketoFault result = classifier.classify(new SoapFault("20023 - Rate limit exceeded", client));

        assertEquals("20023", result.code());
        assertEquals(Stage.MARKETO, result.stage());
    }

    @Test
    void faultWithoutAnyCodeIsStillAMarketoFault() {
        MarketoFault result = classifier.classify(new SoapFault("Parameter required", Soap11.getInstance()
                .getSender()));

        assertEquals("SOAP_FAULT", result.code());
        assertEquals("Parameter required", result.message());
    }

    @Test
    void refusedConnectionIsATransportError() {
        MarketoFault result = classifier.classify(new Fault(new ConnectException("Connection refused")));

        assertEquals(new MarketoFault(Stage.TRANSPORT, "CONNECTION_REFUSED", "Connection refused", FaultKind.RETRYABLE),
                result);
    }

    @Test
    void anAnswerThatCannotBeParsedIsAnInvalidResponseEvenInsideACxfFault() {
        Fault unmarshalling = new Fault(new UnmarshalException(new XMLStreamException("Unexpected EOF in <id>")));

        MarketoFault result = classifier.classify(new SoapFault("Unmarshalling Error", unmarshalling, new QName("c")));

        assertEquals(new MarketoFault(Stage.TRANSPORT, FaultClassifier.INVALID_RESPONSE,
                "the answer cannot be read: Unexpected EOF in <id>", FaultKind.RETRYABLE), result);
        assertEquals(true, RetryPolicy.isRetryable(result));
    }

    @Test
    void anUncorrelatedAnswerIsAMarketoContentFault() {
        MarketoFault result = classifier.classify(new UncorrelatedResponseException("3 statuses for 4 objects"));

        assertEquals(new MarketoFault(Stage.MARKETO, ResultCorrelator.UNCORRELATED, "3 statuses for 4 objects",
                FaultKind.CONTENT), result);
        assertEquals(false, RetryPolicy.isRetryable(result));
    }
}
