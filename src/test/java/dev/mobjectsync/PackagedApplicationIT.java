package dev.mobjectsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as a user starts it: {@code java -jar target/quarkus-app/quarkus-app.jar}
 * in an empty directory, configured only through the environment.
 */
class PackagedApplicationIT {

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-app.jar"))
            .toAbsolutePath();

    @TempDir
    Path workDir;

    private Process start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> lines(String channel) throws IOException {
        Path dir = workDir.resolve("data/out").resolve(channel);
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                    Files.readAllLines(file).stream().filter(l -> !l.isBlank()).forEach(lines::add);
                }
            }
        }
        return lines;
    }

    @Test
    void embeddedDefaultTurnsADroppedFileIntoOneLinePerRecord() throws Exception {
        int port = freePort();
        String secret = "packaged-test-secret-3f9a";
        Process app = start(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "MOBJECT_SYNC_MARKETO_SECRET_KEY", secret));
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> ready(port));
            Path inbox = Files.createDirectories(workDir.resolve("data/inbox"));
            Files.writeString(inbox.resolve(".drop.part"), """
                    {"recordId":"p1","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000","Id":"153"}}]}
                    {"recordId":"o1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"Q1 2014","Amount":"2000","Probability":"80"}}
                    {"recordId":"bad1","type":"Bogus","operation":"INSERT"}
                    """, StandardCharsets.UTF_8);
            Files.move(inbox.resolve(".drop.part"), inbox.resolve("drop.ndjson"));

            await().atMost(Duration.ofSeconds(30)).until(() -> lines("success").size() + lines("dead-letter").size() >= 3);
            List<String> success = lines("success");
            List<String> deadLetter = lines("dead-letter");
            assertEquals(2, success.size(), success.toString());
            assertEquals(1, deadLetter.size(), deadLetter.toString());
            assertTrue(success.stream().anyMatch(l -> l.contains("\"p1\"") && l.contains("\"UPDATED\"")), success.toString());
            assertTrue(success.stream().anyMatch(l -> l.contains("\"o1\"") && l.contains("\"CREATED\"")), success.toString());
            assertTrue(deadLetter.get(0).contains("\"UNKNOWN_TYPE\""), deadLetter.toString());
            assertTrue(Files.exists(inbox.resolve(".done")), "the processed file is moved to .done");
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(workDir.resolve("app.log"));
        assertFalse(log.contains(secret), "the secret key never appears in the log");
    }

    @Test
    void batchSizeAboveMarketosLimitIsRefusedAtStartup() throws Exception {
        Process app = start(Map.of("QUARKUS_HTTP_PORT", String.valueOf(freePort()), "MOBJECT_SYNC_BATCH_SIZE", "150"));
        boolean exited = app.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            app.destroyForcibly();
        }
        assertTrue(exited, "the application must not start with batch.size=150");
        assertNotEquals(0, app.exitValue());
        assertTrue(Files.readString(workDir.resolve("app.log"))
                .contains("mobject-sync.batch.size must be at most 100: Marketo accepts at most 100 objects per syncMObjects call"));
    }
}
