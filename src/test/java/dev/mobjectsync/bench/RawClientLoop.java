package dev.mobjectsync.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.cxf.frontend.ClientProxy;

import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.ArrayOfMObject;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObject;
import com.marketo.mktows.MktMktowsApiService;
import com.marketo.mktows.MktowsPort;
import com.marketo.mktows.ParamsSyncMObjects;
import com.marketo.mktows.SyncOperationEnum;

import dev.mobjectsync.config.Secret;
import dev.mobjectsync.marketo.MarketoEndpoints;
import dev.mobjectsync.marketo.RequestSigner;

import jakarta.xml.ws.BindingProvider;

/**
 * The honest baseline: the same generated CXF client, signing every call the same way, in a plain
 * loop of 100-object calls on a few threads, against the same simulator. No files, no validation,
 * no batching, no repository, no channels: what the pipeline costs is measured against this.
 */
final class RawClientLoop {

    private RawClientLoop() {
    }

    /** Sends {@code records} records in calls of 100 on {@code threads} threads; answers records per second. */
    static double run(String endpoint, String userId, String secretKey, long records, int threads) throws Exception {
        RequestSigner signer = new RequestSigner(userId, Secret.of(secretKey), Clock.systemDefaultZone());
        long calls = (records + 99) / 100;
        AtomicLong nextCall = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<MktowsPort> ports = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                MktowsPort port = new MktMktowsApiService(RawClientLoop.class.getClassLoader().getResource(
                        "wsdl/mktows.wsdl"))
                        .getMktowsApiSoapPort();
                ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint);
                // the same HTTP stack as the application's Marketo client
                MarketoEndpoints.urlConnectionConduit(ClientProxy.getClient(port));
                port.syncMObjects(params("raw-warmup-" + t + "-", 0, 100), signer.header());
                ports.add(port);
            }
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (MktowsPort port : ports) {
                workers.add(pool.submit(() -> {
                    for (long call = nextCall.getAndIncrement(); call < calls; call = nextCall.getAndIncrement()) {
                        long first = call * 100;
                        port.syncMObjects(params("raw-", first, Math.min(100, records - first)), signer.header());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParamsSyncMObjects params(String prefix, long first, long count) {
        ArrayOfMObject list = new ArrayOfMObject();
        for (long i = first; i < first + count; i++) {
            MObject object = new MObject();
            object.setType("Opportunity");
            object.setExternalKey(attrib("ExtOpptyId", prefix + i));
            ArrayOfAttrib attributes = new ArrayOfAttrib();
            attributes.getAttrib().add(attrib("Name", "Opportunity " + i));
            attributes.getAttrib().add(attrib("Amount", (i % 10_000) + ".50"));
            attributes.getAttrib().add(attrib("Stage", "Prospecting"));
            object.setAttribList(attributes);
            list.getMObject().add(object);
        }
        ParamsSyncMObjects params = new ParamsSyncMObjects();
        params.setOperation(SyncOperationEnum.UPSERT);
        params.setMObjectList(list);
        return params;
    }

    private static Attrib attrib(String name, String value) {
        Attrib attrib = new Attrib();
        attrib.setName(name);
        attrib.setValue(value);
        return attrib;
    }
}
