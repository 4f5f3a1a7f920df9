package dev.mobjectsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.SyncOperationEnum;

import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.record.ReasonCode;
import dev.mobjectsync.record.RecordValidator;

/** The simulator's REST side: records of a Sync Opportunities call through the same state as SOAP. */
class RestTranslationTest {

    private final SimulatorState state = new SimulatorState(Seed.load(null));

    /** One record of a Sync Opportunities call, as RestSimulator handles it: translated, applied, answered. */
    private JsonNode sync(String action, String input) throws Exception {
        SyncOperationEnum operation = RestTranslation.operation(action);
        MObjStatus status = state.sync(operation,
                List.of(RestTranslation.opportunity(Json.MAPPER.readTree(input), operation, false))).get(0);
        return RestTranslation.result(0, status, operation);
    }

    @Test
    void anOpportunityCreatedWithoutANameIsSkippedWithMarketosMissingValueCode() throws Exception {
        JsonNode skipped = sync("createOnly", """
                {"externalOpportunityId":"OPP-9","amount":"10","isWon":true}""");

        assertEquals("skipped", skipped.path("status").asText());
        assertEquals("1002", skipped.at("/reasons/0/code").asText());
        assertEquals("Missing value for the required parameter 'name'", skipped.at("/reasons/0/message").asText());
        assertEquals("1002", sync("createOrUpdate", """
                {"externalOpportunityId":"OPP-9","amount":"10"}""").at("/reasons/0/code").asText(),
                "createOrUpdate of a new key creates: the same refusal");

        assertEquals("created", sync("createOnly", """
                {"externalOpportunityId":"OPP-9","name":"Named","isWon":false}""").path("status").asText());
        assertEquals("updated", sync("createOrUpdate", """
                {"externalOpportunityId":"OPP-9","amount":"20"}""").path("status").asText(),
                "an existing opportunity keeps its name");
    }

    @Test
    void thePipelineRefusesTheInsertTheSimulatorWouldRefuseAndLetsTheUpsertThrough() throws Exception {
        RecordValidator validator = new RecordValidator("UPSERT", 4096);
        RecordValidator.Result insert = validator.validate(Json.MAPPER.readTree(
                """
                {"recordId":"OPP-9","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"OPP-9"},"attributes":{"Amount":"10","IsWon":"true"}}"""),
                SourceRef.fileLine("f", 1));
        RecordValidator.Result upsert = validator.validate(Json.MAPPER.readTree(
                """
                {"recordId":"OPP-9","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"OPP-9"},"attributes":{"Amount":"10"}}"""),
                SourceRef.fileLine("f", 2));

        assertEquals(ReasonCode.MISSING_NAME, insert.defects().get(0).code());
        assertEquals("skipped", sync("createOnly", """
                {"externalOpportunityId":"OPP-9","amount":"10","isWon":true}""").path("status").asText(),
                "what the pipeline refuses, Marketo (the simulator) refuses too");
        assertTrue(upsert.valid(), "an UPSERT may update: only Marketo knows, so it is sent");
    }
}
