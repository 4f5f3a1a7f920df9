package dev.mobjectsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.outcome.EnvelopeWriter;
import dev.mobjectsync.record.InputItem;
import dev.mobjectsync.record.MessageRecords;
import dev.mobjectsync.record.RecordValidator;

/**
 * The replay of docs/operations.md: its jq filter turns the dead letters of records Marketo or the
 * transport refused back into the original records, which are valid input again, and leaves out the
 * ones that failed validation.
 */
class DeadLetterReplayTest {

    static final Path OPERATIONS = Path.of("docs/operations.md");
    private static final Pattern REPLAY_FILTER = Pattern.compile("jq -c '([^']*del\\(\\.error, \\.source\\))'");

    private static final String OPPORTUNITY = "{\"recordId\":\"o1\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
            + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"OPP-1\"},\"attributes\":{\"Name\":\"Q1 2014\"}}";
    /** No recordId: the source's ref becomes it, and the replay keeps it. */
    private static final String PROGRAM = "{\"type\":\"Program\",\"operation\":\"UPDATE\",\"id\":1970,\"typeAttributes\":"
            + "[{\"attrType\":\"Cost\",\"attributes\":{\"Month\":\"2013-06\",\"Amount\":\"2000\"}}]}";
    private static final String BOGUS = "{\"recordId\":\"bad1\",\"type\":\"Bogus\",\"operation\":\"INSERT\"}";

    private final MessageRecords messages = new MessageRecords(1024 * 1024);
    private final RecordValidator validator = new RecordValidator("UPSERT", 4096);
    private final EnvelopeWriter writer = new EnvelopeWriter();

    @Test
    void withoutErrorAndSourceADeadLetterIsTheValidatedRecordAgain() throws Exception {
        SyncRecord record = valid(OPPORTUNITY, new SourceRef("kafka", "crm-records-0@1"));
        JsonNode deadLetter = Json.MAPPER.readTree(writer.text(RecordOutcome.failed(record,
                failure(Stage.MARKETO, "20014"))));

        ObjectNode replayed = ((ObjectNode) deadLetter).deepCopy();
        replayed.remove(List.of("error", "source"));

        assertEquals(Json.MAPPER.readTree(OPPORTUNITY), replayed);
        SyncRecord again = valid(replayed.toString(), new SourceRef("kafka", "crm-records-2@9"));
        assertEquals(record.recordId(), again.recordId());
        assertEquals(record.marketoKey(), again.marketoKey());
    }

    @Test
    void theDocumentedJqFilterReplaysMarketoAndTransportFailuresAndSkipsValidationOnes() throws Exception {
        String filter = documentedFilter();
        Tools.require(Tools.runs(List.of("jq", "--version")), "jq");

        SyncRecord opportunity = valid(OPPORTUNITY, new SourceRef("kafka", "crm-records-0@1"));
        SyncRecord program = valid(PROGRAM, SourceRef.fileLine("drop.ndjson", 2));
        JsonNode bogus = Json.MAPPER.readTree(BOGUS);
        String deadLetters = String.join("\n",
                writer.text(RecordOutcome.failed(opportunity, failure(Stage.MARKETO, "20014"))),
                writer.text(RecordOutcome.failed(program, failure(Stage.TRANSPORT, "CONNECTION_REFUSED"))),
                writer.text(RecordOutcome.rejected(bogus.toString(), null, new SourceRef("jms", "ID:1"),
                        failure(Stage.VALIDATION, "UNKNOWN_TYPE"))),
                writer.text(RecordOutcome.rejected(null, "{not json", SourceRef.fileLine("drop.ndjson", 4),
                        failure(Stage.VALIDATION, "UNPARSABLE_JSON")))) + "\n";

        List<String> replayed = jq(filter, deadLetters);

        assertEquals(2, replayed.size(), replayed.toString());
        assertEquals(Json.MAPPER.readTree(opportunity.json()), Json.MAPPER.readTree(replayed.get(0)));
        assertEquals(Json.MAPPER.readTree(program.json()), Json.MAPPER.readTree(replayed.get(1)));
        assertEquals("drop.ndjson#2", valid(replayed.get(1), SourceRef.fileLine("replay.ndjson", 1)).recordId());
    }

    @Test
    void everyReplayCommandOfThePageUsesTheSameFilter() {
        Set<String> filters = new TreeSet<>();
        Matcher matcher = REPLAY_FILTER.matcher(ComposeChecks.read(OPERATIONS));
        while (matcher.find()) {
            filters.add(matcher.group(1));
        }
        assertEquals(1, filters.size(), filters.toString());
    }

    private static String documentedFilter() {
        Matcher matcher = REPLAY_FILTER.matcher(ComposeChecks.read(OPERATIONS));
        assertTrue(matcher.find(), "docs/operations.md has no replay filter");
        return matcher.group(1);
    }

    private SyncRecord valid(String json, SourceRef source) {
        List<InputItem> items = messages.items(source, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, items.size());
        RecordValidator.Result result = validator.validate(items.get(0).node(), source);
        assertTrue(result.valid(), result.defects().toString());
        return result.record();
    }

    private static Failure failure(Stage stage, String code) {
        return new Failure(stage, "FAILED", code, "m", "b-1", 1, Instant.EPOCH);
    }

    private static List<String> jq(String filter, String input) throws Exception {
        Process process = new ProcessBuilder("jq", "-c", filter).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8));
        return new ArrayList<>(output.lines().filter(line -> !line.isBlank()).toList());
    }
}
