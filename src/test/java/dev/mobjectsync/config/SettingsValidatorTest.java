package dev.mobjectsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The settings' constraints, checked on the packaged application.properties with values set above them. */
class SettingsValidatorTest {

    @Test
    void thePackagedSettingsAreValid() throws IOException {
        SyncConfig config = read(Map.of()).getConfigMapping(SyncConfig.class);
        assertEquals("soap", config.marketo().api());
    }

    @Test
    void everyBrokenConstraintIsOneLineWithItsKeyAndValue() {
        List<String> problems = problems(Map.of(
                "mobject-sync.limits.max-concurrent-calls", "0",
                "mobject-sync.limits.share", "0",
                "mobject-sync.marketo.api", "grpc",
                "mobject-sync.default-operation", "DELETE",
                "mobject-sync.batch.size", "500",
                "mobject-sync.sources.file.poll-interval", "5",
                "mobject-sync.marketo.max-answer-chars", "1024",
                "mobject-sync.channels.success", "   "));
        assertEquals(List.of(
                "mobject-sync.batch.size is 500; must be 1..100 with marketo.api=soap, 1..300 with rest",
                "mobject-sync.channels.success is empty; must be set",
                "mobject-sync.default-operation is 'DELETE'; must be one of INSERT, UPDATE, UPSERT",
                "mobject-sync.limits.max-concurrent-calls is 0; must be at least 1",
                "mobject-sync.limits.share is 0.0; must be more than 0",
                "mobject-sync.marketo.api is 'grpc'; must be soap or rest",
                "mobject-sync.sources.file.poll-interval is 5; must be at least 10"), problems);
    }

    @Test
    void aBatchSizeMustFitTheChosenGateway() {
        assertEquals(List.of("mobject-sync.batch.size is 150; must be 1..100 with marketo.api=soap"
                + " (Marketo accepts at most 100 objects per syncMObjects call)"),
                problems(Map.of("mobject-sync.batch.size", "150")));
        assertEquals(List.of(), problems(Map.of("mobject-sync.batch.size", "150", "mobject-sync.marketo.api", "rest")));
        assertEquals(List.of(), problems(Map.of("mobject-sync.batch.size", "100")));
    }

    @Test
    void theBoundsThemselvesAreValid() {
        assertEquals(List.of(), problems(Map.of("mobject-sync.limits.share", "1",
                "mobject-sync.limits.max-concurrent-calls",
                "1", "mobject-sync.sources.file.poll-interval", "10", "mobject-sync.batch.size", "1")));
        assertEquals(List.of("mobject-sync.limits.share is 1.5; must be at most 1"),
                problems(Map.of("mobject-sync.limits.share", "1.5")));
    }

    /** The problems reported, sorted; none when the configuration is read. */
    private static List<String> problems(Map<String, String> values) {
        try {
            read(values);
            return List.of();
        } catch (ConfigValidationException refused) {
            return IntStream.range(0, refused.getProblemCount()).mapToObj(i -> refused.getProblem(i).getMessage())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SmallRyeConfig read(Map<String, String> values) throws IOException {
        URL packaged = SettingsValidatorTest.class.getResource("/application.properties");
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(packaged, 100))
                .withSources(new PropertiesConfigSource(values, "test values", 200))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Secret.class, 200, new SecretConverter())
                .withMapping(SyncConfig.class)
                .withValidator(new SettingsValidator())
                .withValidateUnknown(false)
                .build();
    }
}
