package dev.mobjectsync.sending;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RestSendingStageTest.Profile.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class RestSendingStageTest extends SendingStageContract {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(quickRetries());
            config.put("mobject-sync.marketo.api", "rest");
            return config;
        }
    }

    @Override
    String rateLimitCode() {
        return "606";
    }

    @Override
    int perCall() {
        return 300;
    }

    @Override
    Duration crowdedLatency() {
        return Duration.ofSeconds(2);
    }
}
