package dev.mobjectsync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.mobjectsync.model.Json;

/**
 * What the packaged application puts on the wire to Marketo, read by a plain HTTP server in its place
 * (not the simulator) that answers canned valid SOAP, token and REST answers: each call carries exactly
 * the protocol's headers and nothing of ours (no Camel header, no exchange property), the token request
 * is the documented one (credentials in the query, none in a body), REST values have their field's JSON
 * type, and an Opportunity INSERT without Name never leaves the process.
 */
class OnTheWireIT {

    private static final String CLIENT_SECRET = "wire-client-secret-7d1e";

    /** Headers the HTTP clients add themselves, besides the protocol's own. */
    private static final Set<String> SOAP_HEADERS = new TreeSet<>(Set.of("accept", "cache-control", "connection",
            "content-length", "content-type", "host", "pragma", "soapaction", "user-agent"));
    private static final Set<String> REST_HEADERS = new TreeSet<>(Set.of("accept", "authorization", "content-length",
            "content-type", "host", "user-agent"));
    private static final Set<String> TOKEN_HEADERS = new TreeSet<>(Set.of("accept", "content-length", "host",
            "user-agent"));

    private static final String RECORDS = """
            {"recordId":"w-p1","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000"}}]}
            {"recordId":"w-o1","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"OPP-1"},"attributes":{"Name":"Typed & <co> é","Amount":"10","IsWon":"false","IsClosed":"true","Probability":"80"}}
            {"recordId":"w-o9","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"OPP-9"},"attributes":{"Amount":"10","IsWon":"true"}}
            {"recordId":"w-r1","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Buyer","IsPrimary":"true"},"associations":[{"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"OPP-1"}},{"type":"Lead","id":20}]}
            """;

    /** One request as it arrived: header names in lower case. */
    record Captured(String method, String path, String query, Map<String, List<String>> headers, String body) {
        Set<String> headerNames() {
            return new TreeSet<>(headers.keySet());
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    @TempDir
    Path workDir;

    private final List<Captured> captured = new CopyOnWriteArrayList<>();

    @Test
    void soapCallsCarryOnlyTheProtocolsHeaders() throws Exception {
        HttpServer marketo = captureServer();
        try (AppProcess app = new AppProcess(Files.createDirectories(workDir.resolve("soap")), Map.of(
                "MOBJECT_SYNC_SIMULATOR_ENABLED", "false",
                "MOBJECT_SYNC_MARKETO_ENDPOINT", url(marketo) + "/soap/mktows/2_3",
                "MOBJECT_SYNC_MARKETO_SECRET_KEY", "wire-secret-key"))) {
            runRecords(app);
        } finally {
            marketo.stop(0);
        }

        List<Captured> calls = List.copyOf(captured);
        assertEquals(3, calls.size(), "one syncMObjects call per batch (Program, Opportunity, role): " + calls);
        for (Captured call : calls) {
            assertEquals("POST /soap/mktows/2_3", call.method() + " " + call.path());
            assertEquals(SOAP_HEADERS, call.headerNames(), "the headers of " + call.body());
            assertEquals("\"http://www.marketo.com/mktows/syncMObjects\"", call.header("soapaction"));
            assertTrue(call.header("content-type").startsWith("text/xml"), call.header("content-type"));
            assertFalse(call.body().contains("OPP-9"), "the INSERT without Name is not sent");
        }
        assertTrue(calls.stream().anyMatch(call -> call.body().contains(">Typed &amp; &lt;co&gt; é<")),
                "markup characters escaped, others as they are (UTF-8): " + calls);
    }

    @Test
    void restCallsCarryOnlyTheProtocolsHeadersTypedValuesAndTheDocumentedTokenRequest() throws Exception {
        HttpServer marketo = captureServer();
        try (AppProcess app = new AppProcess(Files.createDirectories(workDir.resolve("rest")), Map.of(
                "MOBJECT_SYNC_SIMULATOR_ENABLED", "false",
                "MOBJECT_SYNC_MARKETO_API", "rest",
                "MOBJECT_SYNC_MARKETO_REST_IDENTITY_URL", url(marketo) + "/identity",
                "MOBJECT_SYNC_MARKETO_REST_BASE_URL", url(marketo),
                "MOBJECT_SYNC_MARKETO_REST_CLIENT_ID", "wire-client",
                "MOBJECT_SYNC_MARKETO_REST_CLIENT_SECRET", CLIENT_SECRET))) {
            runRecords(app);
        } finally {
            marketo.stop(0);
        }

        List<Captured> tokens = captured.stream().filter(c -> c.path().equals("/identity/oauth/token")).toList();
        assertEquals(1, tokens.size(), "one token, cached: " + captured);
        Captured token = tokens.get(0);
        assertEquals("POST", token.method());
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "wire-client", "client_secret",
                CLIENT_SECRET),
                form(token.query()), "the credentials as query parameters, as Marketo documents them");
        assertEquals("", token.body(), "no credentials in a body");
        assertEquals(TOKEN_HEADERS, token.headerNames());

        Map<String, Captured> calls = new LinkedHashMap<>();
        captured.stream().filter(c -> !c.equals(token)).forEach(c -> calls.put(c.path(), c));
        assertEquals(Set.of("/rest/v1/opportunities.json", "/rest/v1/opportunities/roles.json",
                "/rest/asset/v1/program/1970.json"), calls.keySet());
        for (Captured call : calls.values()) {
            assertEquals("POST", call.method());
            assertEquals(REST_HEADERS, call.headerNames(), call.path());
            assertEquals("Bearer wire-access-token", call.header("authorization"));
            assertEquals("application/json", call.header("accept"));
            assertEquals(null, call.query(), "nothing in a REST call's URL: " + call.path());
        }
        assertEquals("application/json", calls.get("/rest/v1/opportunities.json").header("content-type"));
        assertEquals("application/x-www-form-urlencoded", calls.get("/rest/asset/v1/program/1970.json").header(
                "content-type"));

        JsonNode opportunities = Json.MAPPER.readTree(calls.get("/rest/v1/opportunities.json").body());
        assertEquals("""
                {"action":"createOnly","input":[{"externalOpportunityId":"OPP-1","name":"Typed & <co> é","amount":"10","isWon":false,\
                "isClosed":true,"probability":80}]}""", opportunities.toString(),
                "booleans and integers typed, amount a string as in Marketo's examples; OPP-9 (no Name) not sent");
        JsonNode roles = Json.MAPPER.readTree(calls.get("/rest/v1/opportunities/roles.json").body());
        assertEquals(
                """
                {"action":"createOnly","input":[{"externalOpportunityId":"OPP-1","leadId":20,"role":"Buyer","isPrimary":true}]}""",
                roles.toString());
    }

    /** Drops the records and waits for all four in the channels: three synced, the nameless INSERT refused. */
    private static void runRecords(AppProcess app) throws Exception {
        app.start().awaitReady();
        Path inbox = Files.createDirectories(app.workDir().resolve("data/inbox"));
        Files.writeString(inbox.resolve(".drop.part"), RECORDS, StandardCharsets.UTF_8);
        Files.move(inbox.resolve(".drop.part"), inbox.resolve("drop.ndjson"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> app.channelLines("success").size() + app.channelLines("dead-letter").size() >= 4);
        List<String> success = app.channelLines("success");
        List<String> deadLetter = app.channelLines("dead-letter");
        assertEquals(3, success.size(), success + " / " + deadLetter);
        assertEquals(1, deadLetter.size(), deadLetter.toString());
        JsonNode refused = Json.MAPPER.readTree(deadLetter.get(0));
        assertEquals("w-o9", refused.path("recordId").asText());
        assertEquals("MISSING_NAME", refused.at("/error/code").asText());
        assertEquals("validation", refused.at("/error/stage").asText());
        app.stop();
        assertFalse(app.allLogs().contains(CLIENT_SECRET), "the client secret is not logged");
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text == null ? new String[0] : text.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A plain HTTP server that keeps every request and answers as Marketo would when all goes well. */
    private HttpServer captureServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                        values));
                String path = exchange.getRequestURI().getPath();
                captured.add(new Captured(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                        headers, body));
                if (path.startsWith("/soap/")) {
                    answer(exchange, "text/xml; charset=UTF-8", soapAnswer(body));
                } else if (path.equals("/identity/oauth/token")) {
                    answer(exchange, "application/json",
                            """
                            {"access_token":"wire-access-token","token_type":"bearer","expires_in":3599,"scope":"wire@test"}""");
                } else if (path.startsWith("/rest/asset/v1/program/")) {
                    answer(exchange, "application/json",
                            """
                            {"success":true,"errors":[],"warnings":[],"requestId":"w#1","result":[{"id":1970,"name":"P"}]}""");
                } else {
                    answer(exchange, "application/json", restAnswer(body));
                }
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** created for each input record, by seq. */
    private static String restAnswer(String request) throws IOException {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("requestId", "w#2").put("success", true);
        ArrayNode result = answer.putArray("result");
        int records = Json.MAPPER.readTree(request).path("input").size();
        for (int seq = 0; seq < records; seq++) {
            result.addObject().put("seq", seq).put("status", "created")
                    .put("marketoGUID", String.format("00000000-0000-4000-8000-%012d", 5000 + seq));
        }
        return answer.toString();
    }

    /** One mObjStatus per mObject, in order: UPDATED for one named by id, else CREATED, its external key echoed. */
    private static String soapAnswer(String request) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList objects = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))).getElementsByTagName(
                        "mObject");
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            Element id = child(object, "id");
            Element key = child(object, "externalKey");
            statuses.add("<mObjStatus><id>" + (id != null ? id.getTextContent() : String.valueOf(5000 + i)) + "</id>"
                    + (key == null ? "" : "<externalKey><name>" + child(key, "name").getTextContent() + "</name><value>"
                            + child(key, "value").getTextContent() + "</value></externalKey>")
                    + "<status>" + (id != null ? "UPDATED" : "CREATED") + "</status></mObjStatus>");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.marketo.com/mktows/">
                <SOAP-ENV:Body><ns1:successSyncMObjects><result><mObjStatusList>%s</mObjStatusList></result></ns1:successSyncMObjects></SOAP-ENV:Body>
                </SOAP-ENV:Envelope>""".formatted(String.join("", statuses));
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getLocalName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
