package dev.mobjectsync.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.brokers.BrokersResource;
import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kind of the {@link HostileCatalogue}, delivered on its sources (files, Kafka, JMS) with a good
 * record after each one on the same source: each bad item is dead-lettered with its own reason code,
 * each good record still reaches success, a good record after all the hostile ones goes through on every
 * source (every Kafka partition), and every item in leaves through exactly one channel, once.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BrokersResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "channels", value = "file"), @ResourceArg(name = "max-message-bytes", value = "1048576")})
class HostileInputCatalogueTest {

    @Test
    void everyKindIsDeadLetteredWithItsOwnCodeAndTheRouteGoesOn() {
        List<HostileInput> catalogue = HostileCatalogue.all();
        assertTrue(catalogue.stream().map(HostileInput::kind).distinct().count() >= 25, "at least 25 kinds");
        Set<Source> sources = catalogue.stream().map(HostileInput::source).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Source.class), sources, "every source carries hostile input");

        Expectations expectations = new Expectations();
        int good = 0;
        try (Delivery delivery = new Delivery("hostile")) {
            for (HostileInput input : catalogue) {
                String goodId = "good-" + (good++);
                String what = "good record after " + input;
                switch (input.source()) {
                    case KAFKA -> {
                        expectations.expect(delivery.kafka(input.bytes()) + input.refSuffix(), input.toString(),
                                input.expected());
                        expectations.expect(delivery.kafka(good(goodId)), what, HostileInput.SUCCESS);
                    }
                    case JMS -> {
                        expectations.expect(delivery.jms(input.bytes()) + input.refSuffix(), input.toString(),
                                input.expected());
                        expectations.expect(delivery.jms(good(goodId)), what, HostileInput.SUCCESS);
                    }
                    case NDJSON_FILE -> {
                        // the good record is the next line of the same file: a bad line spoils nothing after it
                        byte[] content = input.bytes().length == 0 ? input.bytes()
                                : HostileCatalogue.concat(input.bytes(), bytes("\n"), good(goodId));
                        String name = delivery.file(input.source().extension, content);
                        expectations.expect(name + input.refSuffix(), input.toString(), input.expected());
                        if (content.length > 0) {
                            expectations.expect(name + "#2", what, HostileInput.SUCCESS);
                        }
                    }
                    default -> {
                        String name = delivery.file(input.source().extension, input.bytes());
                        expectations.expect(name + input.refSuffix(), input.toString(), input.expected());
                        String goodFile = delivery.file("ndjson", good(goodId));
                        expectations.expect(goodFile + "#1", what, HostileInput.SUCCESS);
                    }
                }
            }
            String last = "good record after all hostile input";
            expectations.expect(delivery.file("ndjson", good("last-file")) + "#1", last + " (file)",
                    HostileInput.SUCCESS);
            for (int partition = 0; partition < delivery.kafkaPartitions(); partition++) {
                expectations.expect(delivery.kafka(partition, good("last-kafka-" + partition)),
                        last + " (Kafka partition " + partition + ")", HostileInput.SUCCESS);
            }
            for (int i = 0; i < 2; i++) {
                expectations.expect(delivery.jms(good("last-jms-" + i)), last + " (JMS)", HostileInput.SUCCESS);
            }
        }

        ChannelContents out = expectations.awaitAll(Duration.ofSeconds(150));
        List<String> mismatches = expectations.mismatches(out);
        assertEquals(List.of(), mismatches, String.join("\n", mismatches));
    }

    private static byte[] bytes(String text) {
        return HostileCatalogue.bytes(text);
    }

    private static byte[] good(String recordId) {
        return bytes(HostileCatalogue.goodRecord(recordId));
    }
}
