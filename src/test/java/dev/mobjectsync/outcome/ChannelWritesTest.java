package dev.mobjectsync.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.kafka.KafkaConstants;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Channels;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;

class ChannelWritesTest {

    private static RecordOutcome refused(int line) {
        return RecordOutcome.rejected("{\"recordId\":\"r" + line + "\"}", null, SourceRef.fileLine("f.ndjson", line),
                new Failure(Stage.VALIDATION, "INVALID", "MISSING_TYPE", "type is missing", null, 0, Instant.EPOCH));
    }

    @Test
    void aFileChannelGetsTheBatchAsOneWriteOfLines() {
        ChannelWrites writes = new ChannelWrites(new EnvelopeWriter(), "file:out/success", "file:out/dead-letter");

        List<ChannelWrites.Write> result = writes.writes(List.of(refused(1), refused(2), refused(3)));

        assertEquals(1, result.size());
        assertEquals(Channels.DEAD_LETTER, result.get(0).channel());
        List<String> lines = result.get(0).body().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).contains("\"r3\"") && lines.get(2).contains("MISSING_TYPE"), lines.get(2));
    }

    @Test
    void anyOtherChannelGetsOneMessagePerRecordWithItsHeaders() {
        ChannelWrites writes = new ChannelWrites(new EnvelopeWriter(), "file:out/success", "kafka:dead-letter");

        List<ChannelWrites.Write> result = writes.writes(List.of(refused(1), refused(2)));

        assertEquals(2, result.size());
        assertEquals("r2", result.get(1).headers().get(ChannelHeaders.RECORD_ID));
        assertEquals("r2", result.get(1).headers().get(KafkaConstants.KEY), "a Kafka message is keyed");
        assertTrue(ChannelWrites.isFile("file:data/out?fileName=x"));
        assertTrue(!ChannelWrites.isFile("kafka:topic"));
    }

    @Test
    void aJmsMessageGetsTheContextHeadersOnlyNoKafkaKey() {
        ChannelWrites writes = new ChannelWrites(new EnvelopeWriter(), "file:out/success", "jms:queue:dead-letter");

        Map<String, Object> headers = writes.writes(List.of(refused(1))).get(0).headers();

        assertEquals(List.of(), headers.keySet().stream().filter(name -> !name.startsWith(ChannelHeaders.PREFIX))
                .toList());
        assertEquals("r1", headers.get(ChannelHeaders.RECORD_ID));
    }
}
