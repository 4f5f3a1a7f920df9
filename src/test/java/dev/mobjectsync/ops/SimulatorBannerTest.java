package dev.mobjectsync.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With the endpoints at this application's own port (the test profile's defaults), {@code enabled=auto} runs
 * the simulator: {@code /api/status} says so, and the status page in headless Chromium shows the sandbox
 * banner above everything else.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class SimulatorBannerTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void autoRunsTheSimulatorAndTheStatusSaysSo() {
        given().get("/api/status").then().statusCode(200)
                .body("simulator.active", equalTo(true))
                .body("simulator.mode", equalTo("auto"));
    }

    @Test
    void theStatusPageShowsTheSandboxBanner() throws Exception {
        HeadlessChromium.assumeInstalledOutsideCi();
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.open("http://127.0.0.1:" + port + "/?refresh=250");
            await().atMost(Duration.ofSeconds(30)).until(() -> "SOAP".equals(browser.text("#gateway")));
            assertEquals(false, browser.run("return document.getElementById('simulator-banner').hidden;").asBoolean());
            String banner = browser.text("#simulator-banner");
            assertTrue(banner.startsWith("Marketo simulator: nothing is sent to Marketo"), banner);
            assertEquals("simulator-banner", browser.run(
                    "return document.body.querySelector('div').id;").asText(), "the banner comes first");
        }
    }
}
