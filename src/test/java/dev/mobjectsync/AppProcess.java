package dev.mobjectsync;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.mobjectsync.model.Json;

/**
 * The packaged application as a child process, started the way a user starts it:
 * {@code java -XX:TieredStopAtLevel=1 -jar target/quarkus-app/quarkus-app.jar} in its own working directory,
 * configured only through environment variables.
 */
public final class AppProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-app.jar"))
            .toAbsolutePath();

    /** The JVM options of README's run command, before the test's own ({@link #jvmOptions}). */
    public static final List<String> RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Every process's credentials unless the test sets its own: a pipeline and the simulator process it calls
     * agree on them, and they are not the packaged demo ones, which the application refuses next to an
     * endpoint other than its own.
     */
    private static final Map<String, String> CREDENTIALS = Map.of("MOBJECT_SYNC_MARKETO_USER_ID", "it_user_1",
            "MOBJECT_SYNC_MARKETO_SECRET_KEY", "it-secret-key", "MOBJECT_SYNC_MARKETO_REST_CLIENT_ID", "it-client",
            "MOBJECT_SYNC_MARKETO_REST_CLIENT_SECRET", "it-client-secret");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path workDir;
    private final Map<String, String> environment;
    private final int port;
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m"));
    private Process process;
    private int starts;
    private long startedAtNanos;

    public AppProcess(Path workDir, Map<String, String> environment) throws IOException {
        this.workDir = workDir;
        this.port = freePort();
        this.environment = new HashMap<>(CREDENTIALS);
        this.environment.putAll(environment);
        this.environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** JVM options instead of the default {@code -Xmx256m}, after {@link #RUN_OPTIONS}. */
    public AppProcess jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /** When the last start() launched the JVM, in System.nanoTime(). */
    public long startedAtNanos() {
        return startedAtNanos;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    /** Starts the process; its output goes to {@code app-<n>.log} in the working directory. */
    public AppProcess start() throws IOException {
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RUN_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().putAll(environment);
        startedAtNanos = System.nanoTime();
        process = builder.start();
        return this;
    }

    public Path log() {
        return workDir.resolve("app-" + starts + ".log");
    }

    public String allLogs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            text.append(Files.readString(workDir.resolve("app-" + i + ".log")));
        }
        return text.toString();
    }

    public AppProcess awaitReady() {
        return awaitReady(Duration.ofSeconds(60));
    }

    public AppProcess awaitReady(Duration patience) {
        await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited: " + Files.readString(log()));
            }
            return ready();
        });
        return this;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(
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

    /** Waits for the process to exit on its own; answers its exit code, or null if it did not exit. */
    public Integer awaitExit(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Graceful stop (SIGTERM), waiting for the exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Crash: SIGKILL, no shutdown hook runs. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The non-blank lines of the NDJSON files of one channel folder ({@code data/out/<channel>}). */
    public List<String> channelLines(String channel) throws IOException {
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

    /**
     * recordId → how many times it reached a channel (success or dead-letter). A line torn by a SIGKILL, or
     * still being written, is not a delivery.
     */
    public Map<String, Integer> deliveries() throws IOException {
        Map<String, Integer> times = new HashMap<>();
        for (String channel : List.of("success", "dead-letter")) {
            for (String line : channelLines(channel)) {
                try {
                    times.merge(Json.MAPPER.readTree(line).path("recordId").asText(), 1, Integer::sum);
                } catch (JsonProcessingException torn) {
                    // counted on a later look, once complete (or never: its record is sent again)
                }
            }
        }
        return times;
    }

    /** GET on this instance's HTTP port (e.g. {@code /simulator/calls}), the body. */
    public String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
