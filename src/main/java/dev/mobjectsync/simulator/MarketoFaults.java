package dev.mobjectsync.simulator;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds faults the way Marketo answers them (MARKETO.md §3): HTTP 500, {@code SOAP-ENV:Client},
 * faultstring {@code "<code> - <text>"}, and {@code detail/ns1:serviceException} with unqualified
 * {@code name}, {@code message} and {@code code}.
 */
public final class MarketoFaults {

    static final String NAMESPACE = "http://www.marketo.com/mktows/";

    public static final String AUTHENTICATION_FAILED = "20014";
    public static final String REQUEST_EXPIRED = "20016";
    public static final String INVALID_REQUEST = "20017";
    public static final String BAD_PARAMETER = "20110";

    private MarketoFaults() {
    }

    public static SoapFault fault(String code, String text, String message) {
        QName client = Soap11.getInstance().getSender();
        SoapFault fault = new SoapFault(code + " - " + text, client);
        Element detail = fault.getOrCreateDetail();
        Document document = detail.getOwnerDocument();
        Element serviceException = document.createElementNS(NAMESPACE, "ns1:serviceException");
        serviceException.appendChild(child(document, "name", "mktServiceException"));
        serviceException.appendChild(child(document, "message", message + " (" + code + ")"));
        serviceException.appendChild(child(document, "code", code));
        detail.appendChild(serviceException);
        return fault;
    }

    /** The Marketo code a fault built here carries. */
    public static String codeOf(SoapFault fault) {
        String text = fault.getMessage();
        int dash = text == null ? -1 : text.indexOf(" - ");
        return dash < 0 ? null : text.substring(0, dash);
    }

    private static Element child(Document document, String name, String text) {
        Element element = document.createElementNS(null, name);
        element.setTextContent(text);
        return element;
    }
}
