package dev.mobjectsync.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver over the W3C WebDriver protocol (plain HTTP
 * and JSON, no client library): open a page, then read it with JavaScript as it changes. The flags are
 * those this machine needs (no sandbox as root; no background traffic, which the closed network refuses).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path profile;
    private String session;

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** CI installs Chromium (.ci/run); elsewhere a test that needs it is skipped when it is missing. */
    static void assumeInstalledOutsideCi() {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed(), "Chromium and ChromeDriver are not installed");
        }
    }

    HeadlessChromium() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        profile = Files.createTempDirectory("chromium-profile");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = URI.create("http://127.0.0.1:" + port + "/");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (call("GET", "status", null).path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException notYet) {
                // the driver is still starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("chromedriver did not start on port " + port);
            }
            Thread.sleep(100);
        }
        Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        JsonNode created = call("POST", "session", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        session = created.path("value").path("sessionId").asText(null);
        if (session == null) {
            throw new IllegalStateException("no WebDriver session: " + created);
        }
    }

    void open(String url) throws IOException, InterruptedException {
        call("POST", "session/" + session + "/url", Map.of("url", url));
    }

    /** Runs {@code script} (a function body; {@code return} its result) in the page. */
    JsonNode run(String script) throws IOException, InterruptedException {
        JsonNode answer = call("POST", "session/" + session + "/execute/sync", Map.of("script", script, "args", List
                .of()));
        JsonNode value = answer.path("value");
        if (value.has("error")) {
            throw new IllegalStateException("script failed: " + value);
        }
        return value;
    }

    String text(String cssSelector) throws IOException, InterruptedException {
        return run("const e = document.querySelector('" + cssSelector + "'); return e ? e.textContent : null;")
                .asText(null);
    }

    /** The text of each element by id, read in one script run (one snapshot of a page that updates itself). */
    JsonNode texts(String... ids) throws IOException, InterruptedException {
        return run("return Object.fromEntries(" + JSON.writeValueAsString(ids)
                + ".map(id => [id, (document.getElementById(id) || {}).textContent]));");
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "session/" + session, null);
            }
        } catch (IOException | InterruptedException e) {
            // the driver's end below takes the browser with it
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
