package dev.mobjectsync.ops;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.opportunities;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The status page at {@code /} in headless Chromium, loaded once while files flow: its figures move by
 * themselves (no reload), and a dead letter dropped meanwhile shows up with its reason. CI installs
 * Chromium (.ci/run); outside CI the test is skipped when it is missing.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class StatusPageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int RECORDS_PER_FILE = 100;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void figuresMoveAndADeadLetterAppearsWhileRecordsFlow() throws Exception {
        HeadlessChromium.assumeInstalledOutsideCi();
        ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger dropped = new AtomicInteger();
        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.open("http://127.0.0.1:" + port + "/?refresh=250");
            await().atMost(PATIENCE).until(() -> reports(browser) >= 1);
            long successAtFirst = number(browser.text("#success"));

            // 200 records/s: 2 calls/s, well inside the 100 calls per 20 s the pacer keeps to
            dropper.scheduleAtFixedRate(() -> drop("page-" + dropped.get() + ".ndjson",
                    opportunities("page-" + dropped.getAndIncrement() + "-", RECORDS_PER_FILE)), 0, 500,
                    TimeUnit.MILLISECONDS);
            await().atMost(PATIENCE).until(() -> number(browser.text("#success")) >= successAtFirst + 400);
            await().atMost(PATIENCE).until(() -> number(browser.text("#records-per-second")) > 0);
            assertTrue(number(browser.text("#batch-fill")) > 0, browser.text("#batch-fill"));
            assertTrue(browser.text("#quota-day").matches("[\\d,]+ / 10,000"), browser.text("#quota-day"));
            assertTrue(browser.text("#quota-window").matches("[\\d,]+ / 100"), browser.text("#quota-window"));

            drop("page-bad.ndjson", "{\"recordId\":\"page-bad-1\",\"type\":\"Lead\",\"operation\":\"INSERT\"}");
            await().atMost(PATIENCE).until(() -> browser.text("#dead-letters tbody").contains("page-bad-1"));
            String row = browser.run("return [...document.querySelectorAll('#dead-letters tbody tr')]"
                    + ".map(r => r.textContent).find(t => t.includes('page-bad-1'));").asText();
            assertTrue(row.contains("UNKNOWN_TYPE") && row.contains("validation"), row);
            assertTrue(number(browser.text("#dead-letter")) >= 1, browser.text("#dead-letter"));
        } finally {
            dropper.shutdownNow();
            dropper.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < dropped.get(); i++) {
            awaitAll("page-" + i + "-", RECORDS_PER_FILE, PATIENCE);
        }
    }

    private static int reports(HeadlessChromium browser) throws Exception {
        return browser.run("return Number(document.body.dataset.reports || 0);").asInt();
    }

    private static long number(String text) {
        String digits = text == null ? "" : text.replaceAll("[^0-9.]", "");
        return digits.isEmpty() ? -1 : (long) Double.parseDouble(digits);
    }
}
