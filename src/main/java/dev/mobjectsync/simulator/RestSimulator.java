package dev.mobjectsync.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketo.mktows.ArrayOfMObjCriteria;
import com.marketo.mktows.ComparisonEnum;
import com.marketo.mktows.MObjCriteria;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.SyncOperationEnum;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The simulator's REST side (MARKETO-REST.md), on the application's HTTP port when
 * {@code mobject-sync.simulator.enabled=true}: the identity service ({@code /identity/oauth/token}, the
 * client credentials in the query string or, as the gateway sends them, a form body),
 * Sync Opportunities and Sync Opportunity Roles (at most 300 records), Update Program (costs and tags,
 * one program), Describe and Get for opportunities and roles, Get Program by id and by name. It holds
 * the same {@link SimulatorState} as the SOAP side, keeps the same limits and injected faults with
 * REST's codes (615, 606, 607; {@link FaultInjector}), checks the bearer token (601 invalid, 602
 * expired; {@link RestTokenIssuer}) and logs every call in the {@link CallLog}. Errors are answered as
 * Marketo does: HTTP 200, {@code success:false}, {@code errors[{code,message}]}.
 */
@ApplicationScoped
public class RestSimulator {

    public static final int MAX_RECORDS = 300;

    /** A call refused as a whole, with Marketo's response-level code. */
    private static final class RestError extends RuntimeException {
        final String code;

        RestError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** What a handler answers: the result array and how many objects the call carried. */
    private record Answer(ArrayNode result, String syncOperation, int objects) {
    }

    @FunctionalInterface
    private interface Handler {
        Answer handle(RoutingContext context) throws IOException;
    }

    /** A write call's handler: gets the call in flight that carries its objects. */
    @FunctionalInterface
    private interface WriteHandler {
        Answer handle(RoutingContext context, SimulatorState.InFlight call) throws IOException;
    }

    /** The objects a write call touches, read from its request (as MObjects, for {@link SimulatorState#enter}). */
    @FunctionalInterface
    private interface Touches {
        List<MObject> of(RoutingContext context) throws IOException;
    }

    /** Reads a write call's request for the objects it touches, before the handler reads it again. */
    private static final ObjectMapper REQUESTS = new ObjectMapper();

    private final SimulatorState state;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final Clock clock;
    private final RestTokenIssuer tokens;

    public RestSimulator(SimulatorConfig config, SimulatorState state, FaultInjector faults, CallLog callLog, Clock clock) {
        this.state = state;
        this.faults = faults;
        this.callLog = callLog;
        this.clock = clock;
        SimulatorConfig.Rest rest = config.rest();
        this.tokens = new RestTokenIssuer(rest.clientId(), rest.clientSecret().bytes(), rest.tokenTtl(), clock);
    }

    /** Every access token issued so far expires now (tests: a token expiring in the middle of a run). */
    public void expireTokens() {
        tokens.expireAll();
    }

    void install(@Observes Router router, SimulatorConfig config) {
        if (!config.active()) {
            return;
        }
        BodyHandler bodies = BodyHandler.create().setBodyLimit(2 * 1024 * 1024);
        router.route("/identity/*").handler(bodies);
        router.route("/identity/oauth/token").handler(this::token);
        router.route("/rest/*").handler(bodies);
        write(router, HttpMethod.POST, "/rest/v1/opportunities.json", "syncOpportunities",
                c -> touched("Opportunity", c), (c, call) -> sync("Opportunity", c, call));
        write(router, HttpMethod.POST, "/rest/v1/opportunities/roles.json", "syncOpportunityRoles",
                c -> touched("OpportunityPersonRole", c), (c, call) -> sync("OpportunityPersonRole", c, call));
        api(router, HttpMethod.GET, "/rest/v1/opportunities/describe.json", "describeOpportunity",
                c -> describe("Opportunity"));
        api(router, HttpMethod.GET, "/rest/v1/opportunities/roles/describe.json", "describeOpportunityRole",
                c -> describe("OpportunityPersonRole"));
        api(router, HttpMethod.GET, "/rest/v1/opportunities.json", "getOpportunities", this::getOpportunities);
        api(router, HttpMethod.GET, "/rest/v1/opportunities/roles.json", "getOpportunityRoles", this::getRoles);
        api(router, HttpMethod.GET, "/rest/asset/v1/program/byName.json", "getProgramByName", this::programByName);
        api(router, HttpMethod.GET, "/rest/asset/v1/program/:id.json", "getProgram", this::programById);
        write(router, HttpMethod.POST, "/rest/asset/v1/program/:id.json", "updateProgram",
                c -> List.of(program(programId(c))), this::updateProgram);
    }

    private void token(RoutingContext context) {
        RestTokenIssuer.Issued issued = tokens.issue(context.request().getParam("client_id"),
                context.request().getParam("client_secret"));
        if (issued == null) {
            context.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
            return;
        }
        ObjectNode body = SimulatorJson.MAPPER.createObjectNode().put("access_token", issued.accessToken())
                .put("token_type", "bearer").put("expires_in", issued.expiresIn()).put("scope", "mobject-sync@sim");
        context.response().putHeader("Content-Type", "application/json").end(body.toString());
    }

    private void api(Router router, HttpMethod method, String path, String operation, Handler handler) {
        router.route(method, path).blockingHandler(
                context -> answer(context, operation, null, (c, call) -> handler.handle(c)), false);
    }

    private void write(Router router, HttpMethod method, String path, String operation, Touches touches,
            WriteHandler handler) {
        router.route(method, path).blockingHandler(context -> answer(context, operation, touches, handler), false);
    }

    private void answer(RoutingContext context, String operation, Touches touches, WriteHandler handler) {
        // a write call touches its objects from its arrival until its answer, injected latency included
        SimulatorState.InFlight call = touches == null ? null : state.enter(touched(touches, context));
        try {
            answer(context, operation, handler, call);
        } finally {
            if (call != null) {
                call.close();
            }
        }
    }

    /** A request the simulator cannot read touches nothing it can name (it is refused anyway). */
    private static List<MObject> touched(Touches touches, RoutingContext context) {
        try {
            return touches.of(context);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void answer(RoutingContext context, String operation, WriteHandler handler, SimulatorState.InFlight call) {
        ObjectNode body = SimulatorJson.MAPPER.createObjectNode().put("requestId", UUID.randomUUID().toString().substring(0, 13));
        String fault = null;
        Answer answer = null;
        try {
            String authorization = context.request().getHeader("Authorization");
            String refused = tokens.check(authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring(7) : null);
            if (refused != null) {
                throw new RestError(refused, RestTokenIssuer.EXPIRED.equals(refused) ? "Access token expired"
                        : "Access token invalid");
            }
            faults.enter(FaultInjector.LimitCodes.REST);
            try {
                answer = handler.handle(context, call);
            } finally {
                faults.exit();
            }
            body.put("success", true).set("result", answer.result());
        } catch (FaultInjector.Refused refused) {
            fault = error(body, refused.code(), refused.getMessage());
        } catch (RestError error) {
            fault = error(body, error.code, error.getMessage());
        } catch (IOException | RuntimeException e) {
            fault = error(body, "609", "Invalid JSON: " + e.getMessage());
        }
        callLog.add(new CallLog.Call(clock.instant(), operation, answer == null ? null : answer.syncOperation(),
                answer == null ? 0 : answer.objects(), fault, call != null && call.overlapping()));
        context.response().putHeader("Content-Type", "application/json").end(body.toString());
    }

    private static String error(ObjectNode body, String code, String message) {
        body.put("success", false).putArray("errors").addObject().put("code", code).put("message", message);
        return code;
    }

    // --- writes ------------------------------------------------------------------------------------

    /** The records of a Sync Opportunities / Roles request as the state would get them (records it skips touch nothing). */
    private static List<MObject> touched(String type, RoutingContext context) throws IOException {
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

    private static MObject program(int id) {
        MObject program = new MObject();
        program.setType("Program");
        program.setId(id);
        return program;
    }

    private Answer sync(String type, RoutingContext context, SimulatorState.InFlight call) throws IOException {
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
                objects.add("Opportunity".equals(type) ? RestTranslation.opportunity(input.get(seq), operation, byIdField)
                        : RestTranslation.role(input.get(seq)));
                positions.add(seq);
            } catch (RestTranslation.Skip skip) {
                results[seq] = RestTranslation.skipped(SimulatorJson.MAPPER.createObjectNode().put("seq", seq), skip.code,
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
        return new Answer(result, operation.value(), input.size());
    }

    private Answer updateProgram(RoutingContext context, SimulatorState.InFlight call) throws IOException {
        int id = programId(context);
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
        programs(id, null).forEach(p -> result.add(RestTranslation.program(p, true)));
        return new Answer(result, "UPDATE", 1);
    }

    // --- reads -------------------------------------------------------------------------------------

    private Answer describe(String type) {
        boolean opportunity = "Opportunity".equals(type);
        ObjectNode description = SimulatorJson.MAPPER.createObjectNode().put("name", opportunity ? "opportunity" : "opportunityRole")
                .put("idField", RestFields.MARKETO_GUID);
        ArrayNode dedupe = description.putArray("dedupeFields").add(RestFields.EXTERNAL_OPPORTUNITY_ID);
        ArrayNode fields = description.putArray("fields");
        fields.addObject().put("name", RestFields.MARKETO_GUID).put("dataType", "string").put("updateable", false);
        fields.addObject().put("name", RestFields.EXTERNAL_OPPORTUNITY_ID).put("dataType", "string")
                .put("updateable", false);
        if (!opportunity) {
            dedupe.add(RestFields.LEAD_ID).add(RestFields.ROLE);
            fields.addObject().put("name", RestFields.LEAD_ID).put("dataType", "integer").put("updateable", false);
            fields.addObject().put("name", RestFields.ROLE).put("dataType", "string").put("updateable", false);
        }
        for (String soap : opportunity ? state.opportunityFields() : state.roleFields()) {
            if (!List.of(RestTranslation.EXTERNAL_KEY, "ExtRoleId", "OpportunityId", "PersonId", "Role").contains(soap)) {
                fields.addObject().put("name", opportunity ? RestFields.rest("Opportunity", soap)
                        : RestFields.rest("OpportunityPersonRole", soap)).put("dataType", "string").put("updateable", true);
            }
        }
        return new Answer(SimulatorJson.MAPPER.createArrayNode().add(description), null, 0);
    }

    private Answer getOpportunities(RoutingContext context) {
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        for (MObject found : opportunities(context)) {
            result.add(RestTranslation.stored(found, result.size(), null));
        }
        return new Answer(result, null, 0);
    }

    /** Roles of the opportunities named by the filter (externalOpportunityId or marketoGUID of the opportunity). */
    private Answer getRoles(RoutingContext context) {
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        for (MObject opportunity : opportunities(context)) {
            String external = RestTranslation.values(opportunity.getAttribList()).get(RestTranslation.EXTERNAL_KEY);
            ParamsGetMObjects params = new ParamsGetMObjects();
            params.setType("OpportunityPersonRole");
            MObjCriteria criteria = new MObjCriteria();
            criteria.setAttrName("OpportunityId");
            criteria.setComparison(ComparisonEnum.EQ);
            criteria.setAttrValue(String.valueOf(opportunity.getId()));
            ArrayOfMObjCriteria list = new ArrayOfMObjCriteria();
            list.getMObjCriteria().add(criteria);
            params.setMObjCriteriaList(list);
            for (MObject role : state.get(params).getMObjectList().getMObject()) {
                result.add(RestTranslation.stored(role, result.size(), external));
            }
        }
        return new Answer(result, null, 0);
    }

    private List<MObject> opportunities(RoutingContext context) {
        String filterType = context.request().getParam("filterType");
        String values = context.request().getParam("filterValues");
        if (filterType == null || values == null) {
            throw new RestError("1003", "filterType and filterValues are required");
        }
        boolean byGuid = filterType.equals(RestFields.MARKETO_GUID) || filterType.equals("idField");
        if (!byGuid && !filterType.equals(RestFields.EXTERNAL_OPPORTUNITY_ID) && !filterType.equals("dedupeFields")) {
            throw new RestError("1003", "Invalid filterType: " + filterType);
        }
        List<MObject> found = new ArrayList<>();
        for (String value : values.split(",")) {
            ParamsGetMObjects params = new ParamsGetMObjects();
            params.setType("Opportunity");
            if (byGuid) {
                Integer id = RestTranslation.idOf(value);
                if (id == null) {
                    continue;
                }
                params.setId(id);
            } else {
                params.setExternalKey(RestTranslation.attrib(RestTranslation.EXTERNAL_KEY, value));
            }
            found.addAll(state.get(params).getMObjectList().getMObject());
        }
        return found;
    }

    private Answer programById(RoutingContext context) {
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        programs(programId(context), null).forEach(p -> result.add(RestTranslation.program(p, false)));
        return new Answer(result, null, 0);
    }

    private Answer programByName(RoutingContext context) {
        String name = context.request().getParam("name");
        boolean costs = Boolean.parseBoolean(context.request().getParam("includeCosts"));
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        programs(null, name).forEach(p -> result.add(RestTranslation.program(p, costs)));
        return new Answer(result, null, 0);
    }

    private List<MObject> programs(Integer id, String name) {
        ParamsGetMObjects params = new ParamsGetMObjects();
        params.setType("Program");
        params.setId(id);
        params.setIncludeDetails(true);
        return state.get(params).getMObjectList().getMObject().stream()
                .filter(p -> name == null || name.equals(RestTranslation.values(p.getAttribList()).get("Name")))
                .toList();
    }

    private static int programId(RoutingContext context) {
        try {
            return Integer.parseInt(context.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RestError("610", "Requested resource not found: program " + context.pathParam("id"));
        }
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
