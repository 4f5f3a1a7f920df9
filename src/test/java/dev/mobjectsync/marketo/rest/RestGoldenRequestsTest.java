package dev.mobjectsync.marketo.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.model.TypeAttribute;

/**
 * The REST gateway builds, from the equivalent records, the requests of Marketo's reference pages
 * ({@code src/test/resources/spec/rest}): JSON compared without order (Jackson's object equality), the
 * documented {@code dedupeBy:dedupeFields} being Marketo's default, which the gateway leaves out.
 */
class RestGoldenRequestsTest {

    private final RestRequestBuilder builder = new RestRequestBuilder(Clock.systemUTC());

    static String golden(String name) throws IOException {
        try (InputStream in = RestGoldenRequestsTest.class.getResourceAsStream("/spec/rest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static JsonNode withoutDefaultDedupe(String json) throws IOException {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
        if ("dedupeFields".equals(node.path("dedupeBy").asText())) {
            node.remove("dedupeBy");
        }
        return node;
    }

    private static SyncRecord record(String type, String operation, Integer id, KeyValue key,
            Map<String, String> attributes, List<TypeAttribute> typeAttributes, List<Association> associations) {
        return new SyncRecord("golden", type, operation, id, key, attributes, typeAttributes, associations, "{}",
                SourceRef.fileLine("golden.ndjson", 1));
    }

    private RestCall build(SyncRecord record) {
        Batch batch = new Batch(record.operation(), record.type());
        batch.add(record);
        return builder.build(batch);
    }

    @Test
    void syncOpportunitiesIsTheOpportunitiesPagesExample() throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Name", "Chairs");
        attributes.put("Description", "Chairs");
        attributes.put("Amount", "1604.47");
        attributes.put("Source", "Inbound Sales Call/Email");
        RestCall call = build(record("Opportunity", "UPSERT", null, new KeyValue("ExtOpptyId", "19UYA31581L000000"),
                attributes, List.of(), List.of()));

        assertEquals("/rest/v1/opportunities.json", call.path());
        assertEquals(withoutDefaultDedupe(golden("sync-opportunities.json")), Json.MAPPER.readTree(call.body()));
    }

    @Test
    void syncOpportunityRolesIsTheRolesPagesExample() throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("PersonId", "456783");
        attributes.put("Role", "Technical Buyer");
        attributes.put("IsPrimary", "false");
        RestCall call = build(record("OpportunityPersonRole", "UPSERT", null, null, attributes, List.of(),
                List.of(new Association("Opportunity", null, new KeyValue("ExtOpptyId", "19UYA31581L000000")))));

        assertEquals("/rest/v1/opportunities/roles.json", call.path());
        assertEquals(withoutDefaultDedupe(golden("sync-opportunity-roles.json")), Json.MAPPER.readTree(call.body()));
    }

    @Test
    void updateProgramIsTheProgramsPagesExampleBody() throws IOException {
        Map<String, String> cost = new LinkedHashMap<>();
        cost.put("Month", "2016-01");
        cost.put("Amount", "200");
        cost.put("Note", "Google Adwords");
        RestCall call = build(record("Program", "UPDATE", 1970, null, Map.of(),
                List.of(new TypeAttribute("Cost", cost)), List.of()));

        assertEquals("/rest/asset/v1/program/1970.json", call.path());
        assertEquals("application/x-www-form-urlencoded", call.contentType());
        String golden = golden("update-program.form");
        String sent = URLDecoder.decode(call.body(), StandardCharsets.UTF_8);
        assertEquals(golden.substring(0, golden.indexOf('=') + 1), sent.substring(0, sent.indexOf('=') + 1));
        assertEquals(Json.MAPPER.readTree(golden.substring(golden.indexOf('=') + 1)),
                Json.MAPPER.readTree(sent.substring(sent.indexOf('=') + 1)));
    }
}
