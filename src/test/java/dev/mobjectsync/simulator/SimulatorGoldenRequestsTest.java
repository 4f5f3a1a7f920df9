package dev.mobjectsync.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The simulator accepts the requests of Marketo's REST reference pages as they are written
 * ({@code src/test/resources/spec/rest}): the token request, then Sync Opportunities, Sync Opportunity
 * Roles and Update Program. Program 1971 is updated (1970 is the SOAP reference request's).
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class SimulatorGoldenRequestsTest {

    @Inject
    SimulatorConfig config;

    private static String golden(String name) throws IOException {
        try (InputStream in = SimulatorGoldenRequestsTest.class.getResourceAsStream("/spec/rest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private String token() throws IOException {
        String query = golden("identity-token.query").replace("${clientId}", config.rest().clientId())
                .replace("${clientSecret}", new String(config.rest().clientSecret().bytes(), StandardCharsets.UTF_8));
        return given().urlEncodingEnabled(false).post("/identity/oauth/token?" + query).then().statusCode(200)
                .body("token_type", equalTo("bearer")).extract().path("access_token");
    }

    @Test
    void theDocumentedRequestsAreAnsweredWithSuccess() throws IOException {
        String token = token();

        given().auth().oauth2(token).contentType("application/json").body(golden("sync-opportunities.json"))
                .post("/rest/v1/opportunities.json").then().statusCode(200)
                .body("success", equalTo(true))
                .body("result[0].seq", equalTo(0))
                .body("result[0].status", oneOf("created", "updated"));

        given().auth().oauth2(token).contentType("application/json").body(golden("sync-opportunity-roles.json"))
                .post("/rest/v1/opportunities/roles.json").then().statusCode(200)
                .body("success", equalTo(true))
                .body("result[0].seq", equalTo(0))
                .body("result[0].status", oneOf("created", "updated"));

        String form = golden("update-program.form");
        int equals = form.indexOf('=');
        given().auth().oauth2(token).contentType("application/x-www-form-urlencoded")
                .body(form.substring(0, equals + 1) + URLEncoder.encode(form.substring(equals + 1),
                        StandardCharsets.UTF_8))
                .post("/rest/asset/v1/program/1971.json").then().statusCode(200)
                .body("success", equalTo(true))
                .body("result[0].id", equalTo(1971))
                .body("result[0].costs.note", hasItem("Google Adwords"));
    }
}
