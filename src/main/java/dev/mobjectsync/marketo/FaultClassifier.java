package dev.mobjectsync.marketo;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.core.JacksonException;

import dev.mobjectsync.model.Stage;

import jakarta.xml.bind.UnmarshalException;

/**
 * Reads a failed call's exception: a SOAP fault yields Marketo's code from
 * {@code detail/serviceException/code} (or the {@code "20014 - …"} faultstring), a REST answer with
 * {@code success:false} its first error's code (a {@link GatewayFault}, classified by its gateway), anything
 * else is a transport error with a code of its own. Classification is by fault code, never by HTTP status:
 * the SOAP gateway's codes mean what {@link SoapGateway} says; transport errors, timeouts, unreadable
 * answers and HTTP 5xx are tried again; an answer that cannot be correlated is split like a content fault.
 */
public class FaultClassifier {

    private static final Pattern CODE_IN_FAULTSTRING = Pattern.compile("^(\\d{5}) - (.*)$");

    /** An answer that arrived but cannot be read as SOAP: malformed, too large, or carrying a DTD. */
    public static final String INVALID_RESPONSE = "INVALID_RESPONSE";

    public MarketoFault classify(Throwable failure) {
        // An unreadable answer first: CXF may wrap the parser's error in a SoapFault of its own making.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UncorrelatedResponseException uncorrelated) {
                return new MarketoFault(Stage.MARKETO, ResultCorrelator.UNCORRELATED, uncorrelated.getMessage(),
                        FaultKind.CONTENT);
            }
            if (t instanceof XMLStreamException || t instanceof UnmarshalException || t instanceof JacksonException
                    || t instanceof InvalidAnswerException) {
                return transport(INVALID_RESPONSE, "the answer cannot be read: " + describe(root(t)));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoapFault fault) {
                return soapFault(fault);
            }
            if (t instanceof GatewayFault fault) {
                return fault.fault();
            }
            if (t instanceof HTTPException http) {
                return transport("HTTP_" + http.getResponseCode(), http.getMessage());
            }
            if (t instanceof ConnectException) {
                return transport("CONNECTION_REFUSED", describe(t));
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return transport("TIMEOUT", describe(t));
            }
        }
        Throwable root = root(failure);
        return transport("CALL_FAILED", root.getClass().getSimpleName() + ": " + describe(root));
    }

    /** A call that got no answer from Marketo: tried again, except an HTTP status below 500 (a proxy's 413). */
    private static MarketoFault transport(String code, String message) {
        boolean retryable = !code.startsWith("HTTP_") || code.startsWith("HTTP_5");
        return new MarketoFault(Stage.TRANSPORT, code, message, retryable ? FaultKind.RETRYABLE : FaultKind.FINAL);
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The exception's message, or its kind when it has none (the JDK HTTP client's ConnectException). */
    private static String describe(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static MarketoFault soapFault(SoapFault fault) {
        Element serviceException = child(fault.getDetail(), "serviceException");
        String code = text(child(serviceException, "code"));
        String message = text(child(serviceException, "message"));
        Matcher m = CODE_IN_FAULTSTRING.matcher(String.valueOf(fault.getMessage()));
        if (code == null && m.matches()) {
            code = m.group(1);
        }
        if (message == null) {
            message = fault.getMessage();
        }
        if (code == null) {
            code = "SOAP_FAULT";
        }
        return new MarketoFault(Stage.MARKETO, code, message, SoapGateway.INSTANCE.kindOf(code));
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }
}
