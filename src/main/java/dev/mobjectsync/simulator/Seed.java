package dev.mobjectsync.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The simulator's starting state: programs with costs and tags, the defined tags, the known fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Seed(Map<String, List<String>> tags, List<SeedProgram> programs, List<String> opportunityFields,
        List<String> roleFields) {

    /** A Program as seeded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeedProgram(int id, String name, String type, List<SeedCost> costs, Map<String, String> tags) {
    }

    /** One period cost of a Program. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeedCost(int id, String month, String amount, String note) {
    }

    public static final String DEFAULT = "simulator/seed.json";

    /** Reads the seed from a file path, or the packaged default when none is given. */
    public static Seed load(String path) {
        try (InputStream in = path == null
                ? Seed.class.getClassLoader().getResourceAsStream(DEFAULT)
                : Files.newInputStream(Path.of(path))) {
            if (in == null) {
                throw new IllegalStateException("simulator seed " + DEFAULT + " is missing from the application");
            }
            return SimulatorJson.MAPPER.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator seed file " + path + ": " + e.getMessage(), e);
        }
    }
}
