package dev.mobjectsync.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.SyncOperationEnum;

import io.vertx.ext.web.RoutingContext;

/**
 * The simulator's REST write calls (MARKETO-REST.md §2–4): Sync Opportunities and Sync Opportunity Roles (at
 * most {@value #MAX_RECORDS} records, each translated to an MObject and applied to the {@link SimulatorState}),
 * and Update Program (costs and tags of one program, form-encoded); also which objects a write call touches.
 */
final class RestWrites {

    static final int MAX_RECORDS = 300;

    /** Reads a write call's request for the objects it touches, before the handler reads it again. */
    private static final ObjectMapper REQUESTS = new ObjectMapper();

    private final SimulatorState state;
    private final RestReads reads;

    RestWrites(SimulatorState state, RestReads reads) {
        this.state = state;
        this.reads = reads;
    }

    /** The records of a Sync Opportunities / Roles request as the state would get them (records it skips touch nothing). */
    static List<MObject> touched(String type, RoutingContext context) throws IOException {
        JsonNode request = REQUESTS.readTree(context.body().asString());
        SyncOperationEnum operation = RestTranslation.operation(RestTranslation.text(request.get("action")));
        boolean byIdField = "idField".equals(RestTranslation.text(request.get("dedupeBy")));
        List<MObject> objects = new ArrayList<>();
        for (JsonNode input : request.path("input")) {
            try {
                objects.add("Opportunity".equals(type) ? RestTranslation.opportunity(input, operation, byIdField)
                        : RestTranslation.role(input));
            } catch (RestTranslation.Skip skip) {
                // not applied, touches nothing
            }
        }
        return objects;
    }

    static MObject program(int id) {
        MObject program = new MObject();
        program.setType("Program");
        program.setId(id);
        return program;
    }

    RestAnswer sync(String type, RoutingContext context, InFlight call) throws IOException {
        JsonNode request = SimulatorJson.MAPPER.readTree(context.body().asString());
        SyncOperationEnum operation = RestTranslation.operation(RestTranslation.text(request.get("action")));
        if (operation == null) {
            throw new RestError("1003", "Invalid action: " + request.get("action"));
        }
        JsonNode input = request.path("input");
        if (!input.isArray() || input.isEmpty()) {
            throw new RestError("1003", "input must be a non-empty array");
        }
        if (input.size() > MAX_RECORDS) {
            throw new RestError("1003", "input holds " + input.size() + " records; at most " + MAX_RECORDS);
        }
        boolean byIdField = "idField".equals(RestTranslation.text(request.get("dedupeBy")));
        if (byIdField && operation != SyncOperationEnum.UPDATE) {
            throw new RestError("1003", "dedupeBy idField is valid only with action updateOnly");
        }
        ObjectNode[] results = new ObjectNode[input.size()];
        List<MObject> objects = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int seq = 0; seq < input.size(); seq++) {
            try {
                objects.add("Opportunity".equals(type) ? RestTranslation.opportunity(input.get(seq), operation,
                        byIdField)
                        : RestTranslation.role(input.get(seq)));
                positions.add(seq);
            } catch (RestTranslation.Skip skip) {
                results[seq] = RestTranslation.skipped(SimulatorJson.MAPPER.createObjectNode().put("seq", seq),
                        skip.code,
                        skip.getMessage());
            }
        }
        List<MObjStatus> statuses = state.sync(operation, objects, call);
        for (int k = 0; k < statuses.size(); k++) {
            results[positions.get(k)] = RestTranslation.result(positions.get(k), statuses.get(k), operation);
        }
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        for (ObjectNode one : results) {
            result.add(one);
        }
        return new RestAnswer(result, operation.value(), input.size());
    }

    RestAnswer updateProgram(RoutingContext context, InFlight call) throws IOException {
        int id = RestReads.programId(context);
        Map<String, String> form = form(context.body().asString());
        if (form.containsKey("costsDestructiveUpdate")) {
            throw new RestError("1003", "costsDestructiveUpdate is not simulated");
        }
        MObject update;
        try {
            update = RestTranslation.programUpdate(id, form.get("costs"), form.get("tags"));
        } catch (RestTranslation.Skip skip) {
            throw new RestError(skip.code, skip.getMessage());
        }
        MObjStatus status = state.sync(SyncOperationEnum.UPDATE, List.of(update), call).get(0);
        if (status.getStatus() == MObjStatusEnum.SKIPPED) {
            throw new RestError("610", "Requested resource not found: program " + id);
        }
        if (status.getStatus() == MObjStatusEnum.FAILED) {
            throw new RestError("709", status.getError());
        }
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        reads.programs(id, null).forEach(p -> result.add(RestTranslation.program(p, true)));
        return new RestAnswer(result, "UPDATE", 1);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body == null ? new String[0] : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
