package dev.mobjectsync.sending;

import java.time.Duration;
import java.util.Map;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SoapSendingStageTest.Profile.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class SoapSendingStageTest extends SendingStageContract {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return quickRetries();
        }
    }

    @Override
    String rateLimitCode() {
        return "20023";
    }

    @Override
    int perCall() {
        return 100;
    }

    @Override
    Duration crowdedLatency() {
        return Duration.ofMillis(300);
    }
}
