package dev.mobjectsync.simulator;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketo.mktows.MObject;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The simulator's REST side (MARKETO-REST.md), on the application's HTTP port while
 * {@code mobject-sync.simulator.active}: the identity service ({@code /identity/oauth/token}, the
 * client credentials in the query string or, as the gateway sends them, a form body),
 * Sync Opportunities and Sync Opportunity Roles (at most 300 records), Update Program (costs and tags,
 * one program; {@link RestWrites}), Describe and Get for opportunities and roles, Get Program by id and by
 * name ({@link RestReads}). It holds
 * the same {@link SimulatorState} as the SOAP side, keeps the same limits and injected faults with
 * REST's codes (615, 606, 607; {@link FaultInjector}), checks the bearer token (601 invalid, 602
 * expired; {@link RestTokenIssuer}) and logs every call in the {@link CallLog}. Errors are answered as
 * Marketo does: HTTP 200, {@code success:false}, {@code errors[{code,message}]}.
 */
@ApplicationScoped
public class RestSimulator {

    @FunctionalInterface
    private interface Handler {
        RestAnswer handle(RoutingContext context) throws IOException;
    }

    /** A write call's handler: gets the call in flight that carries its objects. */
    @FunctionalInterface
    private interface WriteHandler {
        RestAnswer handle(RoutingContext context, InFlight call) throws IOException;
    }

    /** The objects a write call touches, read from its request (as MObjects, for {@link SimulatorState#enter}). */
    @FunctionalInterface
    private interface Touches {
        List<MObject> of(RoutingContext context) throws IOException;
    }

    private final SimulatorState state;
    private final FaultInjector faults;
    private final CallLog callLog;
    private final Clock clock;
    private final RestTokenIssuer tokens;
    private final RestReads reads;
    private final RestWrites writes;

    public RestSimulator(SimulatorConfig config, SimulatorState state, FaultInjector faults, CallLog callLog,
            Clock clock) {
        this.state = state;
        this.faults = faults;
        this.callLog = callLog;
        this.clock = clock;
        SimulatorConfig.Rest rest = config.rest();
        this.tokens = new RestTokenIssuer(rest.clientId(), rest.clientSecret().bytes(), rest.tokenTtl(), clock);
        this.reads = new RestReads(state);
        this.writes = new RestWrites(state, reads);
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
                c -> RestWrites.touched("Opportunity", c), (c, call) -> writes.sync("Opportunity", c, call));
        write(router, HttpMethod.POST, "/rest/v1/opportunities/roles.json", "syncOpportunityRoles",
                c -> RestWrites.touched("OpportunityPersonRole", c),
                (c, call) -> writes.sync("OpportunityPersonRole", c, call));
        api(router, HttpMethod.GET, "/rest/v1/opportunities/describe.json", "describeOpportunity",
                c -> reads.describe("Opportunity"));
        api(router, HttpMethod.GET, "/rest/v1/opportunities/roles/describe.json", "describeOpportunityRole",
                c -> reads.describe("OpportunityPersonRole"));
        api(router, HttpMethod.GET, "/rest/v1/opportunities.json", "getOpportunities", reads::getOpportunities);
        api(router, HttpMethod.GET, "/rest/v1/opportunities/roles.json", "getOpportunityRoles", reads::getRoles);
        api(router, HttpMethod.GET, "/rest/asset/v1/program/byName.json", "getProgramByName", reads::programByName);
        api(router, HttpMethod.GET, "/rest/asset/v1/program/:id.json", "getProgram", reads::programById);
        write(router, HttpMethod.POST, "/rest/asset/v1/program/:id.json", "updateProgram",
                c -> List.of(RestWrites.program(RestReads.programId(c))), writes::updateProgram);
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
        InFlight call = touches == null ? null : state.enter(touched(touches, context));
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

    private void answer(RoutingContext context, String operation, WriteHandler handler, InFlight call) {
        ObjectNode body = SimulatorJson.MAPPER.createObjectNode().put("requestId", UUID.randomUUID().toString()
                .substring(0, 13));
        String fault = null;
        RestAnswer answer = null;
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
}
