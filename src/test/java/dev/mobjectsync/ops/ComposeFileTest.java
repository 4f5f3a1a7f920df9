package dev.mobjectsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml agrees with the application (keys, ports, addresses, image versions, secrets,
 * shared state of the replicas, start order), and docker-compose itself accepts it. There is no Docker
 * engine here: {@code docker-compose config} parses and validates without one. Each check is also shown
 * to catch a broken copy of the file.
 */
class ComposeFileTest {

    private static final String POM = ComposeChecks.read(Path.of("pom.xml"));
    private static final Map<String, String> DEFAULTS = ConfigKeys.packagedDefaults();
    private static final int HTTP_PORT = Integer.parseInt(DEFAULTS.get("quarkus.http.port"));
    private static final String CXF_PATH = DEFAULTS.get("quarkus.cxf.path");
    private static final int SHUTDOWN_SECONDS = Integer.parseInt(DEFAULTS.get("camel.main.shutdown-timeout"));

    private final ComposeChecks compose = ComposeChecks.ofProjectFiles();

    @Test
    void dockerComposeAcceptsTheFileWithTheExampleEnvFile() throws Exception {
        Result result = dockerCompose("--env-file", ComposeChecks.ENV_EXAMPLE.toString(), "-f",
                ComposeChecks.COMPOSE_FILE.toString(), "config", "-q");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void dockerComposeRefusesToStartWithoutTheSecrets() throws Exception {
        Path empty = Files.createTempFile("empty", ".env");
        try {
            Result result = dockerCompose("--env-file", empty.toString(), "-f", ComposeChecks.COMPOSE_FILE.toString(),
                    "config", "-q");
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("in .env"), result.output());
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void everyApplicationVariableIsAConfigurationKey() {
        assertEquals(List.of(), compose.unknownVariables(ConfigKeys.knownKeys()));
    }

    @Test
    void theReplicasReachTheBrokersTheDatabaseAndTheSimulatorOnTheirPorts() {
        assertEquals(List.of(), compose.wrongAddresses(HTTP_PORT, CXF_PATH));
    }

    @Test
    void brokerImagesAreTheVersionsOfThePomsClients() {
        assertEquals(List.of(), compose.wrongImages(pom("kafka.version"), pom("artemis.version"), appImage()));
    }

    @Test
    void noSecretIsWrittenInTheFile() throws IOException {
        assertEquals(List.of(), compose.secretLiterals(DEFAULTS.get("mobject-sync.marketo.secret-key")));
        assertTrue(Files.readAllLines(Path.of(".gitignore")).contains(".env"), ".env must be git-ignored");
    }

    @Test
    void twoReplicasShareTheDatabaseTheConsumerGroupAndTheQueue() {
        assertEquals(List.of(), compose.unsharedReplicaSettings());
    }

    @Test
    void theSimulatorRunsAloneAndTheReplicasWithoutOne() {
        assertEquals(List.of(), compose.wrongRoles());
    }

    @Test
    void everyApplicationServiceStartsWithoutTheDemoCredentialsNextToTheSimulatorService() {
        assertEquals(List.of(), compose.refusedStarts());
        assertEquals(1, brokenCopy(c -> env(c, "app-1").remove("MOBJECT_SYNC_MARKETO_SECRET_KEY")).refusedStarts()
                .size());
        assertEquals(1, brokenCopy(c -> env(c, "simulator").put("MOBJECT_SYNC_MARKETO_ENDPOINT",
                "http://app-1:8080/soap/mktows/2_3")).refusedStarts().size());
    }

    @Test
    void servicesWaitForHealthyDependencies() {
        assertEquals(List.of(), compose.unsafeDependencies());
    }

    @Test
    void containersGetLongerToStopThanTheGracefulShutdown() {
        assertEquals(List.of(), compose.shortStopGracePeriods(SHUTDOWN_SECONDS));
        assertFalse(brokenCopy(c -> ComposeChecks.map(ComposeChecks.map(c.get("services")).get("app-2"))
                .remove("stop_grace_period")).shortStopGracePeriods(SHUTDOWN_SECONDS).isEmpty());
    }

    @Test
    void aMisspelledVariableIsCaught() {
        ComposeChecks broken = brokenCopy(c -> env(c, "app-2").put("MOBJECT_SYNC_SOURCES_KAFKA_GROUPID", "g"));
        assertFalse(broken.unknownVariables(ConfigKeys.knownKeys()).isEmpty());
    }

    @Test
    void aWrongPortOrAnUnknownHostIsCaught() {
        assertFalse(brokenCopy(c -> env(c, "app-1").put("MOBJECT_SYNC_SOURCES_JMS_BROKER_URL", "tcp://artemis:61617"))
                .wrongAddresses(HTTP_PORT, CXF_PATH).isEmpty());
        assertFalse(brokenCopy(c -> env(c, "app-1").put("MOBJECT_SYNC_REPOSITORY_URL", "jdbc:postgresql://db:5432/x"))
                .wrongAddresses(HTTP_PORT, CXF_PATH).isEmpty());
        assertFalse(brokenCopy(c -> env(c, "app-2").put("MOBJECT_SYNC_MARKETO_ENDPOINT",
                "http://simulator:9090/soap/mktows/2_3")).wrongAddresses(HTTP_PORT, CXF_PATH).isEmpty());
        assertFalse(brokenCopy(c -> env(c, "kafka").put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:9092"))
                .wrongAddresses(HTTP_PORT, CXF_PATH).isEmpty());
    }

    @Test
    void anImageOtherThanThePomsClientVersionIsCaught() {
        ComposeChecks broken = brokenCopy(c -> ComposeChecks.map(ComposeChecks.map(c.get("services")).get("kafka"))
                .put("image", "apache/kafka:3.9.0"));
        assertFalse(broken.wrongImages(pom("kafka.version"), pom("artemis.version"), appImage()).isEmpty());
    }

    @Test
    void aSecretLiteralIsCaught() {
        assertFalse(brokenCopy(c -> env(c, "artemis").put("ARTEMIS_PASSWORD", "hunter2"))
                .secretLiterals("demo").isEmpty());
        String text = ComposeChecks.read(ComposeChecks.COMPOSE_FILE);
        String pasted = text.replace("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}",
                ComposeChecks.envExample(ComposeChecks.read(ComposeChecks.ENV_EXAMPLE)).getProperty(
                        "POSTGRES_PASSWORD"));
        assertNotEquals(text, pasted);
        assertFalse(new ComposeChecks(ComposeChecks.parse(pasted), pasted,
                ComposeChecks.envExample(ComposeChecks.read(ComposeChecks.ENV_EXAMPLE))).secretLiterals("demo")
                .isEmpty());
    }

    @Test
    void replicasThatDoNotShareStateAreCaught() {
        assertFalse(brokenCopy(c -> env(c, "app-2").put("MOBJECT_SYNC_SOURCES_KAFKA_GROUP_ID", "other-group"))
                .unsharedReplicaSettings().isEmpty());
        assertFalse(brokenCopy(c -> env(c, "app-2").put("MOBJECT_SYNC_SOURCES_JMS_QUEUE", "other.queue"))
                .unsharedReplicaSettings().isEmpty());
        assertFalse(brokenCopy(c -> env(c, "app-1").put("MOBJECT_SYNC_REPOSITORY_KIND", "h2"))
                .unsharedReplicaSettings().isEmpty());
    }

    @Test
    void aSimulatorThatAlsoReadsTheInboxIsCaught() {
        assertFalse(brokenCopy(c -> env(c, "simulator").remove("MOBJECT_SYNC_SOURCES_FILE_ENABLED"))
                .wrongRoles().isEmpty());
    }

    @Test
    void aDependencyWithoutHealthConditionIsCaught() {
        assertFalse(brokenCopy(c -> ComposeChecks.map(ComposeChecks.map(ComposeChecks.map(c.get("services"))
                .get("app-1")).get("depends_on")).put("kafka", Map.of("condition", "service_started")))
                .unsafeDependencies().isEmpty());
        assertFalse(brokenCopy(c -> ComposeChecks.map(ComposeChecks.map(c.get("services")).get("postgres"))
                .remove("healthcheck")).unsafeDependencies().isEmpty());
        assertFalse(brokenCopy(c -> ComposeChecks.map(ComposeChecks.map(ComposeChecks.map(c.get("services"))
                .get("app-2")).get("depends_on")).remove("simulator")).unsafeDependencies().isEmpty());
    }

    private interface Change {
        void apply(Map<String, Object> compose);
    }

    private static ComposeChecks brokenCopy(Change change) {
        String text = ComposeChecks.read(ComposeChecks.COMPOSE_FILE);
        Map<String, Object> compose = ComposeChecks.parse(text);
        change.apply(compose);
        return new ComposeChecks(compose, text, ComposeChecks.envExample(ComposeChecks.read(
                ComposeChecks.ENV_EXAMPLE)));
    }

    private static Map<String, Object> env(Map<String, Object> compose, String service) {
        return ComposeChecks.map(ComposeChecks.map(ComposeChecks.map(compose.get("services")).get(service))
                .get("environment"));
    }

    private static String pom(String property) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(POM);
        assertTrue(matcher.find(), property + " in pom.xml");
        return matcher.group(1);
    }

    /** The image docker-compose.yml must name: the pom's artifactId and version. */
    private static String appImage() {
        Matcher matcher = Pattern.compile("<artifactId>(mobject-sync)</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(POM);
        assertTrue(matcher.find(), "the project's artifactId and version in pom.xml");
        return matcher.group(1) + ":" + matcher.group(2);
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs docker-compose (v1) or the docker compose plugin; without either, see {@link Tools#require}. */
    private static Result dockerCompose(String... arguments) throws Exception {
        List<String> command = composeCommand();
        Tools.require(command != null, "docker-compose");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // only the env file may supply the variables
        for (String variable : ComposeChecks.envExample(ComposeChecks.read(ComposeChecks.ENV_EXAMPLE))
                .stringPropertyNames()) {
            builder.environment().remove(variable);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose did not finish");
        return new Result(process.exitValue(), output);
    }

    private static List<String> composeCommand() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            List<String> probe = new ArrayList<>(candidate);
            probe.add("version");
            if (Tools.runs(probe)) {
                return new ArrayList<>(candidate);
            }
        }
        return null;
    }
}
