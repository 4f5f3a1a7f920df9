package dev.mobjectsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret key never reaches a log line, at any level, even with CXF's SOAP message logging and
 * Camel's message tracing on, nor a channel or the batch repository's files, while records succeed,
 * fail validation, are refused by Marketo (20014 injected and for a real signature mismatch, 20016)
 * and meet broken answers. The same for the REST gateway's client secret and its access tokens, on
 * REST (success, 606 injected, credentials the identity service refuses; the token asked with the
 * credentials in the query, as Marketo documents it, and in a form body). The packaged application
 * runs once per situation, every log category at TRACE and the JDK HTTP client's own logging asked for
 * in full ({@code -Djdk.httpclient.HttpClient.log=all}: it prints request URIs, so the token request's
 * query, and headers, so the bearer token; the application keeps its categories off), and everything
 * it wrote is read back.
 */
class SecretLogScanIT {

    static final String SECRET = "Sx-" + Long.toHexString(System.nanoTime()) + "-log-scan-secret";
    static final String CLIENT_SECRET = "Cx-" + Long.toHexString(System.nanoTime()) + "-log-scan-client-secret";
    /** The simulator's access tokens: a UUID and ":sim". */
    static final java.util.regex.Pattern ACCESS_TOKEN = java.util.regex.Pattern.compile("[0-9a-f-]{36}:sim");

    @TempDir
    Path workDir;

    private int phase;

    @Test
    void theSecretIsInNoLogLineNoChannelAndNoStateFile() throws Exception {
        run(Map.of(), 20, "\n{\"recordId\":\"phase-bad\",\"type\":\"Bogus\"}\nnot json\n");
        run(faults("20014"), 5, "");
        run(faults("20016"), 5, "");
        run(faults("malformed"), 5, "");
        run(Map.of("MOBJECT_SYNC_SIMULATOR_SECRET_KEY", "another-key-than-the-client-has"), 5, "");
        run(Map.of("MOBJECT_SYNC_MARKETO_API", "rest"), 5, "");
        run(Map.of("MOBJECT_SYNC_MARKETO_API", "rest", "MOBJECT_SYNC_SIMULATOR_FAULTS_FAILURE_RATE", "0.5",
                "MOBJECT_SYNC_SIMULATOR_FAULTS_FAILURE_CODE", "606"), 5, "");
        run(Map.of("MOBJECT_SYNC_MARKETO_API", "rest", "MOBJECT_SYNC_SIMULATOR_REST_CLIENT_SECRET", "another-secret"),
                5, "");
        run(Map.of("MOBJECT_SYNC_MARKETO_API", "rest", "MOBJECT_SYNC_MARKETO_REST_TOKEN_REQUEST", "form"), 5, "");

        String logs = logs();
        assertTrue(logs.contains("requestSignature"), "SOAP messages, with the signed header, were logged");
        assertTrue(logs.contains(" TRACE "), "TRACE lines were written");
        assertTrue(logs.contains("20014") && logs.contains("INVALID_RESPONSE"), "the refusals were logged");
        assertTrue(logs.contains("IDENTITY_401") && logs.contains("RestFault"), "REST ran, met 606 and was refused");
        List<String> leaks = new ArrayList<>();
        logs.lines().filter(line -> line.contains(SECRET) || line.contains(CLIENT_SECRET)
                || ACCESS_TOKEN.matcher(line).find()).limit(5).forEach(leaks::add);
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (Stream.of(SECRET, CLIENT_SECRET).anyMatch(secret -> contains(bytes, secret.getBytes(
                        StandardCharsets.UTF_8))
                        || contains(bytes, secret.getBytes(StandardCharsets.UTF_16BE)))) {
                    leaks.add(workDir.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), leaks, "a secret or an access token leaked");
    }

    private static Map<String, String> faults(String code) {
        return Map.of("MOBJECT_SYNC_SIMULATOR_FAULTS_FAILURE_RATE", "1.0", "MOBJECT_SYNC_SIMULATOR_FAULTS_FAILURE_CODE",
                code);
    }

    /** One start of the app with everything logged; drops records and waits until each left through a channel. */
    private void run(Map<String, String> situation, int records, String extraLines) throws Exception {
        phase++;
        Map<String, String> env = new LinkedHashMap<>(situation);
        env.put("MOBJECT_SYNC_MARKETO_SECRET_KEY", SECRET);
        env.put("MOBJECT_SYNC_MARKETO_REST_CLIENT_SECRET", CLIENT_SECRET);
        env.put("MOBJECT_SYNC_MARKETO_LOG_MESSAGES", "true");
        env.put("MOBJECT_SYNC_RETRY_MAX_ATTEMPTS", "2");
        env.put("MOBJECT_SYNC_RETRY_INITIAL_BACKOFF", "50");
        env.put("CAMEL_MAIN_TRACING", "true");
        env.put("QUARKUS_LOG_LEVEL", "TRACE");
        env.put("QUARKUS_LOG_CATEGORY__ORG_APACHE_CXF__LEVEL", "TRACE");
        env.put("QUARKUS_LOG_CATEGORY__ORG_APACHE_CXF_SERVICES__LEVEL", "TRACE");
        env.put("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL", "TRACE");
        env.put("QUARKUS_LOG_CATEGORY__DEV_MOBJECTSYNC__LEVEL", "TRACE");
        Path dir = workDir.resolve("phase-" + phase);
        try (AppProcess app = new AppProcess(Files.createDirectories(dir), env)
                .jvmOptions(List.of("-Xmx256m", "-Djdk.httpclient.HttpClient.log=all"))) {
            app.start().awaitReady();
            String prefix = "phase" + phase + "-";
            String content = IntStream.range(0, records)
                    .mapToObj(i -> "{\"recordId\":\"" + prefix + i
                            + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                            + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix + i + "\"},"
                            + "\"attributes\":{\"Name\":\"n" + i + "\"}}")
                    .collect(Collectors.joining("\n")) + extraLines;
            Path inbox = Files.createDirectories(dir.resolve("data/inbox"));
            Files.writeString(inbox.resolve(".drop.part"), content);
            Files.move(inbox.resolve(".drop.part"), inbox.resolve("drop.ndjson"));
            long expected = content.lines().filter(l -> !l.isBlank()).count();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> app.channelLines("success").size() + app.channelLines("dead-letter")
                            .size() >= expected);
            app.stop();
        }
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                all.append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
