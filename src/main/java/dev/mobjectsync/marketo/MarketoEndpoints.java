package dev.mobjectsync.marketo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.UpfrontConduitSelector;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.jaxb.JAXBDataBinding;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.glassfish.jaxb.core.marshaller.MinimumEscapeHandler;

import com.marketo.mktows.MktowsPort;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/** The CXF endpoints: the Marketo client ({@code cxf:bean:marketo}) and the simulator's service. */
@ApplicationScoped
public class MarketoEndpoints {

    static final String WSDL = "wsdl/mktows.wsdl";
    static final String NAMESPACE = "http://www.marketo.com/mktows/";

    @Produces
    @ApplicationScoped
    @Named("marketo")
    CxfEndpoint marketo(SyncConfig config) {
        CxfEndpoint endpoint = base();
        endpoint.setAddress(config.marketo().endpoint());
        endpoint.setDefaultOperationName("syncMObjects");
        // Only the protocol's headers go to Marketo: none of the exchange's (ours, or the sources').
        endpoint.setHeaderFilterStrategy(new ProtocolHeadersOnly());
        // A real answer is a few kB per 100 objects: refuse one larger than this instead of reading it all.
        endpoint.setProperties(new HashMap<>(Map.of(StaxUtils.MAX_XML_CHARACTERS, config.marketo().maxAnswerChars())));
        endpoint.setLoggingFeatureEnabled(config.marketo().logMessages());
        long timeoutMillis = config.marketo().timeout().toMillis();
        endpoint.setCxfConfigurer(new CxfConfigurer() {
            @Override
            public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            }

            @Override
            public void configureClient(Client client) {
                HTTPClientPolicy policy = new HTTPClientPolicy();
                policy.setConnectionTimeout(Math.min(timeoutMillis, 30_000));
                policy.setReceiveTimeout(timeoutMillis);
                urlConnectionConduit(client).setClient(policy);
                directEscaping(client);
                client.getOutInterceptors().add(new RestingJaxbCoordinator.OnEveryCall(Phase.SETUP));
            }

            @Override
            public void configureServer(Server server) {
            }
        });
        return endpoint;
    }

    /**
     * The JDK's HttpURLConnection (keep-alive) instead of CXF's default conduit on the JDK HttpClient,
     * which hands every request body between threads through a piped stream and cost the pipeline
     * a third of its throughput (BENCHMARKS.md).
     */
    public static HTTPConduit urlConnectionConduit(Client client) {
        try {
            HTTPConduit conduit = new URLConnectionHTTPConduit(client.getBus(), client.getEndpoint().getEndpointInfo(),
                    null);
            conduit.finalizeConfig();
            conduit.setMessageObserver(client);
            UpfrontConduitSelector selector = new UpfrontConduitSelector(conduit);
            selector.setEndpoint(client.getEndpoint());
            client.setConduitSelector(selector);
            return conduit;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the HTTP conduit of the Marketo client", e);
        }
    }

    /**
     * JAXB's minimum escaping (the one CXF chooses), handed to the marshaller as it is: CXF wraps it in a
     * reflection proxy called for every text of every request (4 % of the application's CPU over a SOAP run,
     * BENCHMARKS.md). The same characters are escaped.
     */
    static void directEscaping(Client client) {
        if (client.getEndpoint().getService().getDataBinding() instanceof JAXBDataBinding jaxb) {
            jaxb.setEscapeHandler(MinimumEscapeHandler.theInstance);
        }
    }

    @Produces
    @ApplicationScoped
    @Named("marketoSimulator")
    CxfEndpoint marketoSimulator() {
        CxfEndpoint endpoint = base();
        endpoint.setAddress("/mktows/2_3");
        endpoint.getInInterceptors().add(new RestingJaxbCoordinator.OnEveryCall(Phase.RECEIVE));
        return endpoint;
    }

    private static CxfEndpoint base() {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setServiceClass(MktowsPort.class);
        endpoint.setWsdlURL(WSDL);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "MktMktowsApiService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "MktowsApiSoapPort"));
        return endpoint;
    }
}
