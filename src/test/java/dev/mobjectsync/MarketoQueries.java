package dev.mobjectsync;

import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.message.CxfConstants;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.SuccessGetMObjects;

import dev.mobjectsync.marketo.RequestSigner;

/** Asks Marketo (the simulator) what it holds, through getMObjects on the application's own CXF client. */
public final class MarketoQueries {

    private MarketoQueries() {
    }

    public static List<MObject> opportunitiesByExternalKey(ProducerTemplate producer, RequestSigner signer,
            String value) {
        ParamsGetMObjects query = new ParamsGetMObjects();
        query.setType("Opportunity");
        Attrib key = new Attrib();
        key.setName("ExtOpptyId");
        key.setValue(value);
        query.setExternalKey(key);
        SuccessGetMObjects answer = producer.requestBodyAndHeader("cxf:bean:marketo?synchronous=true", List.of(query,
                signer.header()),
                CxfConstants.OPERATION_NAME, "getMObjects", SuccessGetMObjects.class);
        return answer.getResult().getMObjectList().getMObject();
    }
}
