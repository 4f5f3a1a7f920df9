package dev.mobjectsync.pipeline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The gateway suite against the REST gateway (mobject-sync.marketo.api=rest). */
@QuarkusTest
@TestProfile(RestGatewayProfile.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class RestGatewayPipelineTest extends GatewayPipelineContract {

    @Override
    String api() {
        return "rest";
    }

    @Override
    String opportunityCall() {
        return "syncOpportunities";
    }
}
