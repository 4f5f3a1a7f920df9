package dev.mobjectsync.pipeline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway suite against the SOAP gateway (the default: mobject-sync.marketo.api=soap). */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class SoapGatewayPipelineTest extends GatewayPipelineContract {

    @Override
    String api() {
        return "soap";
    }

    @Override
    String opportunityCall() {
        return "syncMObjects";
    }
}
