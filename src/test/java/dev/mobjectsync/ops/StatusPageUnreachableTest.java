package dev.mobjectsync.ops;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.opportunities;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The status page in headless Chromium while Marketo cannot be reached: red, with the reason and the host;
 * every record read is in one place (most of them waiting for a retry); the gateway and the endpoint named;
 * a file the inbox will never read listed; empty tables say "none yet".
 */
@QuarkusTest
@TestProfile(StatusPageUnreachableTest.NothingListens.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class StatusPageUnreachableTest {

    static final int PORT = freePort();
    private static final List<String> PLACES = List.of("place-read", "place-in-batches", "place-in-flight",
            "place-waiting-for-retry", "place-waiting-for-window", "place-held-for-quota", "place-delivered");

    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // another endpoint than the application's own: the simulator is off and the demo credentials refused
            return Map.of("mobject-sync.marketo.endpoint", "http://127.0.0.1:" + PORT + "/soap/mktows/2_3",
                    "mobject-sync.marketo.user-id", "unreachable_user_1", "mobject-sync.marketo.secret-key",
                    "unreachable-key",
                    "mobject-sync.retry.max-attempts", "2", "mobject-sync.retry.initial-backoff", "15000");
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void redWithTheReasonAndEveryRecordInOnePlace() throws Exception {
        HeadlessChromium.assumeInstalledOutsideCi();
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.open("http://127.0.0.1:" + port + "/?refresh=250");
            await().atMost(Duration.ofSeconds(30)).until(() -> "SOAP".equals(browser.text("#gateway")));
            assertEquals("http://127.0.0.1:" + PORT + "/soap/mktows/2_3", browser.text("#endpoint"));
            assertTrue(browser.run("return document.getElementById('simulator-banner').hidden;").asBoolean(),
                    "another endpoint than the application's own: no simulator, no banner");
            assertEquals("none yet", browser.text("#dead-letters tbody").strip());
            assertEquals("none yet", browser.text("#files tbody").strip());

            drop("notes.txt", "not records");
            drop("away.ndjson", opportunities("away-", 300));

            // once the 300 are read and their calls failed, the places add up to them (the page reads its places one
            // after the other, so a record moving meanwhile may show in two places or none for a moment)
            AtomicReference<JsonNode> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(20)).failFast(() -> seen.get() != null && number(seen.get(),
                    "place-delivered") > 0)
                    .until(() -> {
                        JsonNode page = browser.texts(PLACES.toArray(String[]::new));
                        seen.set(page);
                        return number(page, "place-read") == 300 && number(page, "place-waiting-for-retry") == 300
                                && PLACES.stream().skip(1).mapToLong(id -> number(page, id)).sum() == 300;
                    });

            String state = browser.run("const s = document.getElementById('state');"
                    + " return s.className + ' | ' + s.textContent + ' | ' + getComputedStyle(s).color;").asText();
            assertTrue(state.startsWith("state error | Error: Marketo unreachable: call to 127.0.0.1:" + PORT
                    + " failed"),
                    state);
            assertTrue(state.contains("CONNECTION_REFUSED") && state.endsWith("rgb(179, 38, 30)"), state);
            assertTrue(browser.text("#ignored-files").contains("notes.txt"), browser.text("#ignored-files"));
        }
        awaitAll("away-", 300, Duration.ofSeconds(60));
    }

    private static long number(JsonNode page, String id) {
        String digits = page.path(id).asText("").replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
