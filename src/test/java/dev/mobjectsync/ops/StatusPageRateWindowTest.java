package dev.mobjectsync.ops;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.opportunities;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The status page in headless Chromium while calls wait for Marketo's rate window (2 calls per 10 s, one
 * record per call): it says so, with the records waiting there, then goes back to OK when they are delivered.
 */
@QuarkusTest
@TestProfile(StatusPageRateWindowTest.TwoCallsPerWindow.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class StatusPageRateWindowTest {

    public static class TwoCallsPerWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.limits.calls-per-window", "2", "mobject-sync.limits.window", "10s",
                    "mobject-sync.batch.size", "1");
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aWaitForTheRateWindowIsSaid() throws Exception {
        HeadlessChromium.assumeInstalledOutsideCi();
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.open("http://127.0.0.1:" + port + "/?refresh=250");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.text("#state").startsWith("OK"));

            drop("window.ndjson", opportunities("window-", 4));

            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#state").startsWith(
                    "Waiting: waiting for the rate window"));
            String state = browser.run(
                    "const s = document.getElementById('state'); return s.className + ' | ' + s.textContent;")
                    .asText();
            assertTrue(state.startsWith("state waiting | ") && state.contains("(until "), state);
            long waiting = Long.parseLong(browser.text("#place-waiting-for-window").replaceAll("[^0-9]", ""));
            assertTrue(waiting >= 1 && waiting <= 2, "the records behind the 2 calls of the window: " + waiting);

            awaitAll("window-", 4, Duration.ofSeconds(40));
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("#state").startsWith("OK"));
        }
    }
}
