package dev.mobjectsync.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.marketo.MarketoSignature;
import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.XmlConfig;
import jakarta.inject.Inject;

/**
 * The simulator speaks the wire format of the reference page: raw XML over HTTP, no generated client.
 * Only one test here changes Program 1970, so the reference request finds it as seeded.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class SimulatorWireFormatTest {

    private static final String PATH = "/soap/mktows/2_3";

    @Inject
    SyncConfig config;

    private String referenceRequest(String userId, String signature, String timestamp) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/spec/syncMObjects-request.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${userId}", userId).replace("${signature}", signature).replace("${timestamp}", timestamp);
        }
    }

    private io.restassured.specification.RequestSpecification soap(String body) {
        return given().config(io.restassured.RestAssured.config()
                .xmlConfig(XmlConfig.xmlConfig().declareNamespace("SOAP-ENV",
                        "http://schemas.xmlsoap.org/soap/envelope/")
                        .declareNamespace("ns1", "http://www.marketo.com/mktows/").namespaceAware(true)))
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", "\"http://www.marketo.com/mktows/syncMObjects\"")
                .body(body);
    }

    @Test
    void referencePageRequestIsAnsweredAsItsResponseShows() throws IOException {
        String userId = config.marketo().userId();
        String timestamp = MarketoSignature.timestamp(ZonedDateTime.now());
        String signature = MarketoSignature.sign(timestamp, userId, config.marketo().secretKey().bytes());

        soap(referenceRequest(userId, signature, timestamp))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("Envelope.Body.successSyncMObjects.result.mObjStatusList.mObjStatus.size()", equalTo(1))
                .body("Envelope.Body.successSyncMObjects.result.mObjStatusList.mObjStatus.id", equalTo("1970"))
                .body("Envelope.Body.successSyncMObjects.result.mObjStatusList.mObjStatus.status", equalTo("UPDATED"))
                .body("Envelope.Body.successSyncMObjects.result.mObjStatusList.mObjStatus.children().size()", equalTo(
                        2));
    }

    @Test
    void badSignatureIsAnsweredWithMarketosAuthenticationFault() throws IOException {
        String timestamp = MarketoSignature.timestamp(ZonedDateTime.now());

        soap(referenceRequest(config.marketo().userId(), "40e6d89bd2f7f0daaddaf150ce7a7ca49788ffe7", timestamp))
                .post(PATH)
                .then()
                .statusCode(500)
                .body("Envelope.Body.Fault.faultcode", containsString("Client"))
                .body("Envelope.Body.Fault.faultstring", equalTo("20014 - Authentication failed"))
                .body("Envelope.Body.Fault.detail.serviceException.name", equalTo("mktServiceException"))
                .body("Envelope.Body.Fault.detail.serviceException.message", equalTo("Authentication failed (20014)"))
                .body("Envelope.Body.Fault.detail.serviceException.code", equalTo("20014"));
    }

    @Test
    void staleTimestampIsAnsweredWithRequestExpired() throws IOException {
        String userId = config.marketo().userId();
        String timestamp = "2013-08-05T14:22:45-07:00";
        String signature = MarketoSignature.sign(timestamp, userId, config.marketo().secretKey().bytes());

        soap(referenceRequest(userId, signature, timestamp))
                .post(PATH)
                .then()
                .statusCode(500)
                .body("Envelope.Body.Fault.detail.serviceException.code", equalTo("20016"));
    }

    @Test
    void moreThanHundredObjectsIsRefusedWithBadParameter() throws IOException {
        String userId = config.marketo().userId();
        String timestamp = MarketoSignature.timestamp(ZonedDateTime.now());
        String signature = MarketoSignature.sign(timestamp, userId, config.marketo().secretKey().bytes());
        String request = referenceRequest(userId, signature, timestamp);
        int start = request.indexOf("<mObject>");
        int end = request.indexOf("</mObject>") + "</mObject>".length();
        String oneObject = request.substring(start, end);
        String tooMany = request.substring(0, start) + oneObject.repeat(SyncConfig.MARKETO_MAX_BATCH + 1)
                + request.substring(end);

        soap(tooMany)
                .post(PATH)
                .then()
                .statusCode(500)
                .body("Envelope.Body.Fault.detail.serviceException.code", equalTo("20110"))
                .body("Envelope.Body.Fault.detail.serviceException.message", containsString("101 objects"));
    }

    @Test
    void wsdlIsServedWithMarketosServiceAndPortNames() {
        given().get(PATH + "?wsdl")
                .then()
                .statusCode(200)
                .body(containsString("MktMktowsApiService"))
                .body(containsString("MktowsApiSoapPort"))
                .body(containsString("http://www.marketo.com/mktows/syncMObjects"));
    }
}
