package dev.mobjectsync.marketo.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.model.TypeAttribute;

class RestRequestBuilderTest {

    private final RestRequestBuilder builder = new RestRequestBuilder(Clock.systemUTC());

    private static SyncRecord opportunity(String operation, Integer id, KeyValue key, Map<String, String> attributes,
            List<Association> associations) {
        return new SyncRecord("r-" + key, "Opportunity", operation, id, key, attributes, List.of(), associations, "{}",
                SourceRef.fileLine("f", 1));
    }

    private static Batch batch(SyncRecord... records) {
        Batch batch = new Batch(records[0].operation(), records[0].type());
        for (SyncRecord record : records) {
            batch.add(record);
        }
        return batch;
    }

    private static JsonNode json(RestCall call) throws Exception {
        return Json.MAPPER.readTree(call.body());
    }

    @Test
    void opportunitiesMapOperationKeyAndFieldNames() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Name", "Chairs");
        attributes.put("ExpectedRevenue", "10");
        attributes.put("custom_field_c", "as given");
        RestCall call = builder.build(batch(opportunity("UPSERT", null, new KeyValue("ExtOpptyId", "O-1"), attributes,
                List.of(new Association("Company", null, new KeyValue("ExtCompId", "ACME"))))));

        assertEquals("/rest/v1/opportunities.json", call.path());
        JsonNode body = json(call);
        assertEquals("createOrUpdate", body.get("action").asText());
        assertFalse(body.has("dedupeBy"), "dedupeBy only with updateOnly by marketoGUID");
        JsonNode input = body.get("input").get(0);
        assertEquals("O-1", input.get("externalOpportunityId").asText());
        assertEquals("Chairs", input.get("name").asText());
        assertEquals("10", input.get("expectedRevenue").asText());
        assertEquals("as given", input.get("custom_field_c").asText());
        assertEquals("ACME", input.get("externalCompanyId").asText());
    }

    @Test
    void valuesGoOutAsTheirRestFieldsTypes() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Name", "Typed");
        attributes.put("Amount", "10");
        attributes.put("IsWon", "false");
        attributes.put("isClosed", "TRUE");
        attributes.put("Probability", "80");
        attributes.put("FiscalYear", "2026");
        attributes.put("FiscalQuarter", "");
        attributes.put("Quantity", "2.5");
        attributes.put("CloseDate", "2026-12-31");
        RestCall call = builder.build(batch(opportunity("UPSERT", null, new KeyValue("ExtOpptyId", "O-T"), attributes,
                List.of())));

        assertEquals("{\"externalOpportunityId\":\"O-T\",\"name\":\"Typed\",\"amount\":\"10\",\"isWon\":false,"
                + "\"isClosed\":true,\"probability\":80,\"fiscalYear\":2026,\"fiscalQuarter\":null,\"quantity\":2.5,"
                + "\"closeDate\":\"2026-12-31\"}", json(call).get("input").get(0).toString());
    }

    @Test
    void aValueThatIsNotOfItsFieldsTypeIsRefusedBeforeTheCall() throws Exception {
        SyncRecord maybe = opportunity("UPSERT", null, new KeyValue("ExtOpptyId", "O-M"),
                Map.of("Name", "m", "IsWon", "maybe"), List.of());
        SyncRecord fraction = opportunity("UPSERT", null, new KeyValue("ExtOpptyId", "O-F"),
                Map.of("Name", "f", "Probability", "80.5"), List.of());
        SyncRecord fine = opportunity("UPSERT", null, new KeyValue("ExtOpptyId", "O-G"),
                Map.of("Name", "g", "IsWon", "1", "Probability", "80.0"), List.of());
        RestCall call = builder.build(batch(maybe, fraction, fine));

        assertEquals(List.of(fine), call.sent());
        assertEquals(List.of(RestRequestBuilder.FIELD_TYPE, RestRequestBuilder.FIELD_TYPE),
                call.refused().stream().map(r -> r.failure().code()).toList());
        assertTrue(call.refused().get(0).failure().message().contains("IsWon 'maybe' is not a boolean"),
                call.refused().get(0).failure().message());
        JsonNode input = json(call).get("input").get(0);
        assertTrue(input.get("isWon").booleanValue());
        assertEquals(80, input.get("probability").intValue());
        assertTrue(input.get("probability").isInt());
    }

    @Test
    void dedupeByIdFieldOnlyForUpdatesByMarketoGuid() throws Exception {
        RestCall update = builder.build(batch(opportunity("UPDATE", null, new KeyValue("marketoGUID", "g-1"), Map.of(),
                List.of())));
        assertEquals("updateOnly", json(update).get("action").asText());
        assertEquals("idField", json(update).get("dedupeBy").asText());
        assertEquals("g-1", json(update).get("input").get(0).get("marketoGUID").asText());

        RestCall insert = builder.build(batch(opportunity("INSERT", null, new KeyValue("marketoGUID", "g-1"), Map.of(),
                List.of())));
        assertFalse(insert.isSendable());
        assertEquals(RestRequestBuilder.KEY_NOT_EXPRESSIBLE, insert.refused().get(0).failure().code());

        RestFault mixed = assertThrows(RestFault.class, () -> builder.build(batch(
                opportunity("UPDATE", null, new KeyValue("marketoGUID", "g-1"), Map.of(), List.of()),
                opportunity("UPDATE", null, new KeyValue("ExtOpptyId", "O-2"), Map.of(), List.of()))));
        assertEquals(RestRequestBuilder.MIXED_KEYS, mixed.code());
    }

    @Test
    void anOpportunityKeyedOnlyByIntegerIdIsRefusedAndTheOthersAreSent() throws Exception {
        SyncRecord byId = opportunity("UPDATE", 1001, null, Map.of(), List.of());
        SyncRecord byKey = opportunity("UPDATE", null, new KeyValue("ExtOpptyId", "O-3"), Map.of(), List.of());
        RestCall call = builder.build(batch(byId, byKey));

        assertEquals(List.of(byKey), call.sent());
        assertEquals(1, json(call).get("input").size());
        assertEquals("REST_KEY_NOT_EXPRESSIBLE", call.refused().get(0).failure().code());
        assertTrue(call.refused().get(0).failure().message().contains("1001"));
    }

    @Test
    void aRoleIsKeyedByExternalOpportunityIdLeadIdAndRole() throws Exception {
        SyncRecord role = new SyncRecord("role", "OpportunityPersonRole", "INSERT", null, null,
                Map.of("Role", "Buyer", "IsPrimary", "true"), List.of(),
                List.of(new Association("Opportunity", null, new KeyValue("ExtOpptyId", "O-1")),
                        new Association("Lead", 20, null)), "{}", SourceRef.fileLine("f", 1));
        RestCall call = builder.build(batch(role));

        assertEquals("/rest/v1/opportunities/roles.json", call.path());
        JsonNode input = json(call).get("input").get(0);
        assertEquals("O-1", input.get("externalOpportunityId").asText());
        assertEquals(20, input.get("leadId").asInt());
        assertEquals("Buyer", input.get("role").asText());
        assertEquals(true, input.get("isPrimary").booleanValue());
        assertTrue(input.get("isPrimary").isBoolean());
        assertEquals("createOnly", json(call).get("action").asText());
    }

    @Test
    void aProgramUpdateIsOneFormEncodedCallWithCostsAndTags() {
        SyncRecord program = new SyncRecord("p", "Program", "UPDATE", 1970, null, Map.of(), List.of(
                new TypeAttribute("Cost", Map.of("Month", "2013-06", "Amount", "2000.00", "Note", "ads")),
                new TypeAttribute("Tag", Map.of("Type", "Region", "Value", "EMEA"))), List.of(), "{}",
                SourceRef.fileLine("f", 1));
        RestCall call = builder.build(batch(program));

        assertEquals("/rest/asset/v1/program/1970.json", call.path());
        assertEquals("application/x-www-form-urlencoded", call.contentType());
        String form = URLDecoder.decode(call.body(), StandardCharsets.UTF_8);
        assertTrue(form.contains("costs=[{\"startDate\":\"2013-06-01\",\"cost\":2000,\"note\":\"ads\"}]"), form);
        assertTrue(form.contains("tags=[{\"tagType\":\"Region\",\"tagValue\":\"EMEA\"}]"), form);
    }

    @Test
    void severalProgramsInOneBatchAreSplitFirst() {
        Batch batch = new Batch("UPDATE", "Program");
        for (int id : new int[]{1, 2}) {
            batch.add(new SyncRecord("p" + id, "Program", "UPDATE", id, null, Map.of(), List.of(), List.of(), "{}",
                    SourceRef.fileLine("f", id)));
        }
        assertEquals(RestRequestBuilder.ONE_PROGRAM_PER_CALL, assertThrows(RestFault.class, () -> builder.build(batch))
                .code());
    }
}
