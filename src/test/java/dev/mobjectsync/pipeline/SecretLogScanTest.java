package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.simulator.FaultInjector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The secret key never reaches a log line, at any level, even with CXF's SOAP message logging and
 * Camel's message tracing on, nor a channel, while records succeed, fail validation, are refused by
 * Marketo (20014, 20016) and meet broken answers. The log is written to a file of its own and read back.
 */
@QuarkusTest
@TestProfile(SecretLogScanTest.EverythingLogged.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class SecretLogScanTest {

    static final String SECRET = "Sx-" + Long.toHexString(System.nanoTime()) + "-log-scan-secret";
    static final Path LOG = Path.of("target/log-scan/mobject-sync-" + ProcessHandle.current().pid() + ".log");

    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("mobject-sync.marketo.secret-key", SECRET),
                    Map.entry("mobject-sync.marketo.log-messages", "true"),
                    Map.entry("mobject-sync.retry.max-attempts", "2"),
                    Map.entry("mobject-sync.retry.initial-backoff", "50"),
                    Map.entry("camel.main.tracing", "true"),
                    Map.entry("quarkus.log.min-level", "TRACE"),
                    Map.entry("quarkus.log.level", "TRACE"),
                    Map.entry("quarkus.log.category.\"dev.mobjectsync\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"org.apache.cxf\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"org.apache.cxf.services\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"org.apache.camel\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"io.smallrye.config\".level", "TRACE"),
                    Map.entry("quarkus.log.console.level", "WARN"),
                    Map.entry("quarkus.log.file.enabled", "true"),
                    Map.entry("quarkus.log.file.level", "ALL"),
                    Map.entry("quarkus.log.file.path", LOG.toString()));
        }
    }

    @Inject
    FaultInjector faults;

    @AfterEach
    void noFaults() {
        faults.set(FaultInjector.Settings.none());
    }

    private static String records(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"recordId\":\"" + prefix + i + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                        + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix + i + "\"},"
                        + "\"attributes\":{\"Name\":\"n" + i + "\"}}")
                .collect(Collectors.joining("\n"));
    }

    private static void awaitAll(String prefix, int count) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() == count);
    }

    @Test
    void theSecretIsInNoLogLineAndNoChannel() throws IOException {
        drop("fine.ndjson", records("fine-", 20) + "\n{\"recordId\":\"fine-bad\",\"type\":\"Bogus\"}\nnot json");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> success("fine-").size() == 20 && deadLetter("fine-").size() == 1);
        for (String code : List.of("20014", "20016", "malformed", "503")) {
            faults.set(FaultInjector.Settings.none().withFailures(1.0, code));
            drop(code + ".ndjson", records("refused-" + code + "-", 5));
            awaitAll("refused-" + code + "-", 5);
        }
        faults.set(FaultInjector.Settings.none());

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains("requestSignature"), "SOAP messages, with the signed header, were logged");
        assertTrue(log.contains("20014"), "the refused calls were logged");
        assertTrue(log.lines().count() > 1000, "everything was logged: " + log.lines().count() + " lines");
        List<String> leaks = new ArrayList<>();
        for (String form : List.of(SECRET, URLEncoder.encode(SECRET, StandardCharsets.UTF_8), SECRET.toUpperCase())) {
            log.lines().filter(line -> line.contains(form)).limit(3).forEach(leaks::add);
            for (Path file : channelFiles()) {
                if (Files.readString(file).contains(form)) {
                    leaks.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), leaks, "the secret key leaked");
        assertFalse(deadLetter("refused-20014-").isEmpty());
    }

    private static List<Path> channelFiles() {
        try (Stream<Path> files = Files.walk(Outbox.ROOT.resolve("out"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
