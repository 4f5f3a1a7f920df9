package dev.mobjectsync.ops;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import dev.mobjectsync.config.SimulatorSwitch;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What docker-compose.yml must agree on with the application: each check returns its problems, empty
 * when the file is right. Built on the parsed file (anchors resolved), so tests can check broken copies.
 */
final class ComposeChecks {

    static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
    static final Path ENV_EXAMPLE = Path.of(".env.example");

    static final int KAFKA_PORT = 9092;
    static final int ARTEMIS_PORT = 61616;
    static final int POSTGRES_PORT = 5432;
    /** The simulator's service address under quarkus.cxf.path (MarketoEndpoints). */
    static final String SIMULATOR_ADDRESS = "/mktows/2_3";

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:\\?[^}]*)?}");
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET");
    private static final List<String> SHARED_BY_REPLICAS = List.of("MOBJECT_SYNC_REPOSITORY_KIND",
            "MOBJECT_SYNC_REPOSITORY_URL", "MOBJECT_SYNC_SOURCES_KAFKA_BROKERS", "MOBJECT_SYNC_SOURCES_KAFKA_TOPIC",
            "MOBJECT_SYNC_SOURCES_KAFKA_GROUP_ID", "MOBJECT_SYNC_SOURCES_JMS_BROKER_URL",
            "MOBJECT_SYNC_SOURCES_JMS_QUEUE", "MOBJECT_SYNC_MARKETO_ENDPOINT", "MOBJECT_SYNC_CHANNELS_SUCCESS",
            "MOBJECT_SYNC_CHANNELS_DEAD_LETTER");

    private final Map<String, Object> services;
    private final String text;
    private final Properties envExample;

    ComposeChecks(Map<String, Object> compose, String text, Properties envExample) {
        this.services = map(compose.get("services"));
        this.text = text;
        this.envExample = envExample;
    }

    /** The committed docker-compose.yml and .env.example. */
    static ComposeChecks ofProjectFiles() {
        String text = read(COMPOSE_FILE);
        return new ComposeChecks(parse(text), text, envExample(read(ENV_EXAMPLE)));
    }

    /** The file parsed, aliases resolved into copies (so a copy's service can be changed alone). */
    static Map<String, Object> parse(String text) {
        return map(copy(new Load(LoadSettings.builder().build()).loadFromString(text)));
    }

    static Properties envExample(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every MOBJECT_SYNC_* and QUARKUS_* variable is the environment name of a key the application reads. */
    List<String> unknownVariables(Set<String> knownKeys) {
        Set<String> known = knownKeys.stream().map(ConfigKeys::envVar).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> environment(name).keySet().stream()
                .filter(variable -> variable.startsWith("MOBJECT_SYNC_") || variable.startsWith("QUARKUS_"))
                .filter(variable -> !known.contains(variable))
                .forEach(variable -> problems.add(name + ": " + variable + " is no configuration key")));
        return problems;
    }

    /** The brokers, the database and the simulator the replicas name are services of this file, on their ports. */
    List<String> wrongAddresses(int httpPort, String cxfPath) {
        List<String> problems = new ArrayList<>();
        for (String name : pipelineServices()) {
            Map<String, String> env = environment(name);
            for (String broker : env.getOrDefault("MOBJECT_SYNC_SOURCES_KAFKA_BROKERS", "").split(",")) {
                checkHost(problems, name, broker, "apache/kafka:", KAFKA_PORT);
            }
            for (String channel : List.of("MOBJECT_SYNC_CHANNELS_SUCCESS", "MOBJECT_SYNC_CHANNELS_DEAD_LETTER")) {
                Matcher brokers = Pattern.compile("[?&]brokers=([^&]+)").matcher(env.getOrDefault(channel, ""));
                if (brokers.find()) {
                    checkHost(problems, name, brokers.group(1), "apache/kafka:", KAFKA_PORT);
                }
            }
            String jms = env.getOrDefault("MOBJECT_SYNC_SOURCES_JMS_BROKER_URL", "");
            checkHost(problems, name, jms.replaceFirst("^tcp://", "").replaceFirst("[/?].*", ""),
                    "apache/activemq-artemis:", ARTEMIS_PORT);
            String artemis = serviceAt(jms.replaceFirst("^tcp://", "").replaceFirst(":.*", ""));
            if (artemis != null) {
                same(problems, name, "MOBJECT_SYNC_SOURCES_JMS_USERNAME", artemis, "ARTEMIS_USER");
                same(problems, name, "MOBJECT_SYNC_SOURCES_JMS_PASSWORD", artemis, "ARTEMIS_PASSWORD");
            }
            checkRepository(problems, name, env);
            checkEndpoint(problems, name, env, httpPort, cxfPath);
        }
        for (String name : appServices()) {
            for (Object port : list(map(services.get(name)).get("ports"))) {
                String target = String.valueOf(port).replaceFirst(".*:", "");
                if (!target.equals(String.valueOf(httpPort))) {
                    problems.add(name + ": publishes container port " + target + ", the application listens on "
                            + httpPort);
                }
            }
            String check = String.join(" ", list(map(map(services.get(name)).get("healthcheck")).get("test")).stream()
                    .map(String::valueOf).toList());
            if (!check.contains("/dev/tcp/127.0.0.1/" + httpPort) || !check.contains("/q/health/ready")) {
                problems.add(name + ": the health check does not ask /q/health/ready on port " + httpPort + ": "
                        + check);
            }
        }
        return problems;
    }

    /** The broker images are the versions of the pom's clients; the application image is the pom's artifact. */
    List<String> wrongImages(String kafkaVersion, String artemisVersion, String appImage) {
        List<String> problems = new ArrayList<>();
        expectImage(problems, "apache/kafka:", kafkaVersion);
        expectImage(problems, "apache/activemq-artemis:", artemisVersion);
        expectImage(problems, "postgres:", null);
        for (String name : appServices()) {
            Map<String, Object> service = map(services.get(name));
            if (!appImage.equals(service.get("image"))) {
                problems.add(name + ": image " + service.get("image") + ", the pom builds " + appImage);
            }
            Object dockerfile = map(service.get("build")).get("dockerfile");
            if (dockerfile == null || !Files.isRegularFile(Path.of(String.valueOf(dockerfile)))) {
                problems.add(name + ": no Dockerfile at " + dockerfile);
            }
        }
        return problems;
    }

    /** A password or secret is only ever a ${VAR} of the env file, and no example value is pasted into the file. */
    List<String> secretLiterals(String packagedDemoSecret) {
        List<String> problems = new ArrayList<>();
        services.keySet().forEach(name -> environment(name).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).find()) {
                Matcher substitution = SUBSTITUTION.matcher(value);
                if (!substitution.matches()) {
                    problems.add(name + ": " + variable + " is a literal, not ${VAR} from the env file");
                } else if (!envExample.containsKey(substitution.group(1))) {
                    problems.add(name + ": " + variable + " uses ${" + substitution.group(1)
                            + "}, not in .env.example");
                }
            }
        }));
        envExample.stringPropertyNames().stream().filter(key -> SECRET_NAME.matcher(key).find())
                .map(envExample::getProperty).filter(text::contains)
                .forEach(value -> problems.add("an example secret of .env.example is written in the file"));
        if (text.contains(packagedDemoSecret)) {
            problems.add("the packaged demo secret is written in the file");
        }
        return problems;
    }

    /** At least two replicas, on one PostgreSQL repository, one consumer group, one queue, one endpoint. */
    List<String> unsharedReplicaSettings() {
        List<String> replicas = pipelineServices();
        List<String> problems = new ArrayList<>();
        if (replicas.size() < 2) {
            problems.add("fewer than two pipeline replicas: " + replicas);
            return problems;
        }
        for (String variable : SHARED_BY_REPLICAS) {
            Set<String> values = replicas.stream().map(name -> environment(name).get(variable)).map(String::valueOf)
                    .collect(Collectors.toSet());
            if (values.size() != 1 || values.contains("null")) {
                problems.add(variable + " differs between the replicas " + replicas + ": " + values);
            }
        }
        for (String name : replicas) {
            Map<String, String> env = environment(name);
            if (!"postgres".equals(env.get("MOBJECT_SYNC_REPOSITORY_KIND"))) {
                problems.add(name + ": the batch repository is not the shared PostgreSQL");
            }
            if (!"true".equals(env.get("MOBJECT_SYNC_SOURCES_KAFKA_ENABLED"))
                    || !"true".equals(env.get("MOBJECT_SYNC_SOURCES_JMS_ENABLED"))) {
                problems.add(name + ": does not consume both Kafka and JMS");
            }
        }
        return problems;
    }

    /** The simulator runs alone (no source); the replicas run no simulator of their own. */
    List<String> wrongRoles() {
        List<String> problems = new ArrayList<>();
        List<String> simulators = simulatorServices();
        if (simulators.size() != 1) {
            problems.add("expected one simulator service, found " + simulators);
        }
        for (String name : simulators) {
            for (String source : List.of("FILE", "KAFKA", "JMS")) {
                if (!"false".equals(environment(name).get("MOBJECT_SYNC_SOURCES_" + source + "_ENABLED"))) {
                    problems.add(name + ": the simulator instance must turn the " + source + " source off");
                }
            }
        }
        appServices().stream().filter(name -> !simulators.contains(name) && !pipelineServices().contains(name))
                .forEach(name -> problems.add(name + ": neither the simulator nor a replica with the simulator off"));
        return problems;
    }

    /** Every application container gets longer to stop than Camel's graceful shutdown (which flushes open batches). */
    List<String> shortStopGracePeriods(int shutdownSeconds) {
        List<String> problems = new ArrayList<>();
        for (String name : appServices()) {
            Object configured = map(services.get(name)).get("stop_grace_period");
            Matcher period = Pattern.compile("(\\d+)s").matcher(String.valueOf(configured));
            if (!period.matches() || Integer.parseInt(period.group(1)) <= shutdownSeconds) {
                problems.add(name + ": stop_grace_period must be seconds above camel.main.shutdown-timeout ("
                        + shutdownSeconds + ")");
            }
        }
        return problems;
    }

    /** depends_on waits for healthy services only, the replicas for every service they use. */
    List<String> unsafeDependencies() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            Object dependsOn = map(service).get("depends_on");
            if (dependsOn instanceof List<?>) {
                problems.add(name + ": depends_on without conditions starts before the others are ready");
                return;
            }
            map(dependsOn).forEach((target, options) -> {
                if (!"service_healthy".equals(map(options).get("condition"))) {
                    problems.add(name + ": depends on " + target + " without condition service_healthy");
                }
                if (!services.containsKey(target) || map(services.get(target)).get("healthcheck") == null) {
                    problems.add(name + ": depends on " + target + ", which has no health check");
                }
            });
        });
        for (String name : pipelineServices()) {
            Set<String> needed = services.keySet().stream().filter(other -> isImage(other, "apache/kafka:")
                    || isImage(other, "apache/activemq-artemis:") || isImage(other, "postgres:")
                    || simulatorServices().contains(other)).collect(Collectors.toSet());
            needed.removeAll(map(map(services.get(name)).get("depends_on")).keySet());
            if (!needed.isEmpty()) {
                problems.add(name + ": does not wait for " + needed);
            }
        }
        return problems;
    }

    /**
     * Every application service passes the start-up check of the simulator and the credentials
     * ({@link SimulatorSwitch}: no simulator and no demo credentials next to another endpoint than its own),
     * with the packaged defaults below its environment and .env.example's values in the substitutions.
     */
    List<String> refusedStarts() {
        List<String> problems = new ArrayList<>();
        for (String name : appServices()) {
            Map<String, String> env = new LinkedHashMap<>();
            environment(name).forEach((variable, value) -> env.put(variable, SUBSTITUTION.matcher(value)
                    .replaceAll(found -> Matcher.quoteReplacement(envExample.getProperty(found.group(1), "")))));
            try {
                new SmallRyeConfigBuilder()
                        .withSources(new PropertiesConfigSource(ConfigKeys.packagedDefaults(), "application.properties",
                                250))
                        .withSources(new EnvConfigSource(env, 300)).withSources(new SimulatorSwitch()).build();
            } catch (IllegalArgumentException refused) {
                problems.add(name + ": " + refused.getMessage());
            }
        }
        return problems;
    }

    List<String> appServices() {
        return services.keySet().stream().filter(name -> isImage(name, "mobject-sync:")).toList();
    }

    private List<String> pipelineServices() {
        return appServices().stream()
                .filter(name -> "false".equals(environment(name).get("MOBJECT_SYNC_SIMULATOR_ENABLED"))).toList();
    }

    private List<String> simulatorServices() {
        return appServices().stream()
                .filter(name -> "true".equals(environment(name).get("MOBJECT_SYNC_SIMULATOR_ENABLED"))).toList();
    }

    private void checkRepository(List<String> problems, String name, Map<String, String> env) {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*")
                .matcher(env.getOrDefault("MOBJECT_SYNC_REPOSITORY_URL", ""));
        if (!url.matches()) {
            problems.add(name + ": the repository URL is no PostgreSQL URL");
            return;
        }
        checkHost(problems, name, url.group(1) + ":" + url.group(2), "postgres:", POSTGRES_PORT);
        String database = serviceAt(url.group(1));
        if (database != null) {
            if (!url.group(3).equals(environment(database).get("POSTGRES_DB"))) {
                problems.add(name + ": database " + url.group(3) + " is not the POSTGRES_DB of " + database);
            }
            same(problems, name, "MOBJECT_SYNC_REPOSITORY_USERNAME", database, "POSTGRES_USER");
            same(problems, name, "MOBJECT_SYNC_REPOSITORY_PASSWORD", database, "POSTGRES_PASSWORD");
        }
    }

    private void checkEndpoint(List<String> problems, String name, Map<String, String> env, int httpPort,
            String cxfPath) {
        URI endpoint = URI.create(env.getOrDefault("MOBJECT_SYNC_MARKETO_ENDPOINT", ""));
        String simulator = serviceAt(String.valueOf(endpoint.getHost()));
        if (simulator == null || !simulatorServices().contains(simulator)) {
            problems.add(name + ": the Marketo endpoint " + endpoint + " is not the simulator service");
            return;
        }
        if (endpoint.getPort() != httpPort || !(cxfPath + SIMULATOR_ADDRESS).equals(endpoint.getPath())) {
            problems.add(name + ": the simulator serves http://" + simulator + ":" + httpPort + cxfPath
                    + SIMULATOR_ADDRESS + ", not " + endpoint);
        }
        same(problems, name, "MOBJECT_SYNC_MARKETO_USER_ID", simulator, "MOBJECT_SYNC_SIMULATOR_USER_ID");
        same(problems, name, "MOBJECT_SYNC_MARKETO_SECRET_KEY", simulator, "MOBJECT_SYNC_SIMULATOR_SECRET_KEY");
    }

    private void checkHost(List<String> problems, String name, String hostAndPort, String image, int port) {
        String[] parts = hostAndPort.trim().split(":");
        String target = serviceAt(parts[0]);
        if (target == null || !isImage(target, image)) {
            problems.add(name + ": " + hostAndPort + " is no " + image + " service of this file");
        } else if (parts.length != 2 || !parts[1].equals(String.valueOf(port))) {
            problems.add(name + ": " + hostAndPort + " is not on port " + port);
        } else if (image.equals("apache/kafka:") && !String.valueOf(environment(target).get(
                "KAFKA_ADVERTISED_LISTENERS"))
                .contains("//" + parts[0] + ":" + port)) {
            problems.add(name + ": " + target + " does not advertise " + hostAndPort);
        }
    }

    private void same(List<String> problems, String name, String variable, String other, String otherVariable) {
        String value = environment(name).get(variable);
        if (value == null || !value.equals(environment(other).get(otherVariable))) {
            problems.add(name + ": " + variable + " is not the " + otherVariable + " of " + other);
        }
    }

    private void expectImage(List<String> problems, String prefix, String version) {
        List<String> matching = services.keySet().stream().filter(name -> isImage(name, prefix)).toList();
        if (matching.size() != 1) {
            problems.add("expected one " + prefix + " service, found " + matching);
        } else if (version != null && !(prefix + version).equals(map(services.get(matching.get(0))).get("image"))) {
            problems.add(matching.get(0) + ": image " + map(services.get(matching.get(0))).get("image")
                    + ", the pom's client is " + version);
        }
    }

    private String serviceAt(String host) {
        return services.containsKey(host) ? host : null;
    }

    private boolean isImage(String service, String prefix) {
        return String.valueOf(map(services.get(service)).get("image")).startsWith(prefix);
    }

    /** A service's environment, in either of compose's two forms (a map, or a list of NAME=value). */
    Map<String, String> environment(String service) {
        Object environment = map(services.get(service)).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            map(environment).forEach((key, value) -> env.put(key, Objects.toString(value, "")));
        }
        return env;
    }

    Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ComposeChecks::copy).toList());
        }
        return value;
    }
}
