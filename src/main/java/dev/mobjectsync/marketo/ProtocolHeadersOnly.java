package dev.mobjectsync.marketo;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;

/**
 * The Marketo client's header filter: no Camel message header of ours (the batch key, a file's or a
 * message's headers that travelled with the records) becomes an HTTP or SOAP header of a call. What
 * a syncMObjects request carries is what CXF and the HTTP client put there themselves: Content-Type,
 * SOAPAction, Accept and the connection's own headers (Host, Content-Length, ...). Answers are read
 * as CXF's default strategy reads them.
 */
public class ProtocolHeadersOnly extends CxfHeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
