package dev.mobjectsync.ops;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.opportunities;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.pipeline.CleanTestData;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Metrics, health and the status JSON while a file flows through the embedded pipeline and simulator. */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class OperationsTest {

    private static final String SUCCESS_CREATED = "mobject_sync_records_out_total{channel=\"success\",status=\"CREATED\"}";
    private static final String DEAD_UNKNOWN_TYPE = "mobject_sync_records_out_total{channel=\"dead-letter\",status=\"UNKNOWN_TYPE\"}";

    @Inject
    DataSource repository;

    @Test
    void metricsCountRecordsInAndOutBatchesCallsAndQuota() {
        Metrics before = Metrics.scrape();
        String bad = "\n{\"recordId\":\"ops-m-bad1\",\"type\":\"Bogus\",\"operation\":\"INSERT\"}"
                + "\n{\"recordId\":\"ops-m-bad2\",\"type\":\"Bogus\",\"operation\":\"INSERT\"}";
        drop("ops-metrics.ndjson", opportunities("ops-m-", 250) + bad);
        awaitAll("ops-m-", 252, Duration.ofSeconds(30));

        Metrics after = Metrics.scrape();
        assertEquals(252, delta(before, after, "mobject_sync_records_in_total{source=\"file\"}"));
        assertEquals(250, delta(before, after, SUCCESS_CREATED));
        assertEquals(2, delta(before, after, DEAD_UNKNOWN_TYPE));
        // 250 records of one kind: batches of 100, 100 and 50
        assertEquals(250, delta(before, after, "mobject_sync_batch_records_sum"));
        assertEquals(3, delta(before, after, "mobject_sync_batch_records_count"));
        assertEquals(2, delta(before, after, "mobject_sync_batch_records_bucket{le=\"100.0\"}")
                - delta(before, after, "mobject_sync_batch_records_bucket{le=\"99.0\"}"), "two full batches");
        assertEquals(3, delta(before, after, "mobject_sync_marketo_calls_seconds_count{outcome=\"ok\"}"));
        assertTrue(after.get("mobject_sync_marketo_calls_seconds_sum{outcome=\"ok\"}") > 0);
        assertTrue(after.get("mobject_sync_quota_day_used") >= 3, "the day's calls");
        assertEquals(100, after.get("mobject_sync_quota_window_limit"));
        assertTrue(after.get("mobject_sync_quota_window_used") >= 3, "calls in the 20 s window");
        assertEquals(0, after.get("mobject_sync_marketo_calls_in_flight"));
        assertEquals(0, after.get("mobject_sync_repository_records_waiting"));
        // the repository's pool (Agroal), of the active datasource only
        assertTrue(after.get("agroal_acquire_count_total{datasource=\"h2\"}") > 0);
        assertEquals(0, after.orZero("agroal_acquire_count_total{datasource=\"postgres\"}"),
                "the inactive one has no pool");
    }

    @Test
    void theRepositoryIsTheH2DatasourcePooledForTheSenders() {
        AgroalDataSource pool = assertInstanceOf(AgroalDataSource.class, repository);
        assertEquals(10 + 10, pool.getConfiguration().connectionPoolConfiguration().maxSize(),
                "limits.max-concurrent-calls + 10");
        assertTrue(pool.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration().jdbcUrl()
                .startsWith("jdbc:h2:file:./target/test-data/state/"));
    }

    @Test
    void readinessCoversTheRepositoryAndTheRoutesWhileMarketoIsReportedApart() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("mobject-sync batch repository"))
                .body("checks.name", hasItem("camel-routes"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.data.h2", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.data", not(hasKey("postgres")))
                .body("checks.name", not(hasItem("Marketo endpoint")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem("Marketo endpoint")));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Marketo endpoint' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Marketo endpoint' }.data.reachable", equalTo(true));
    }

    @Test
    void statusJsonShowsTotalsQuotaAndTheLatestDeadLetters() {
        drop("ops-status.ndjson", opportunities("ops-s-", 20)
                + "\n{\"recordId\":\"ops-s-bad\",\"type\":\"Opportunity\",\"operation\":\"SHRED\"}");
        awaitAll("ops-s-", 21, Duration.ofSeconds(30));

        JsonPath status = given().get("/api/status").then().statusCode(200).extract().jsonPath();
        assertTrue(status.getLong("success") >= 20, status.prettify());
        assertTrue(status.getLong("deadLetter") >= 1, status.prettify());
        assertTrue(status.getLong("recordsIn.file") >= 21, status.prettify());
        assertTrue(status.getInt("quotaDayUsed") >= 1, status.prettify());
        assertEquals(10_000, status.getInt("quotaDayLimit"));
        // one instance on H2: the quota is its own, and its part is all of it
        assertEquals(false, status.getBoolean("quotaShared"));
        assertEquals(status.getInt("quotaDayUsed"), status.getInt("replica.quotaDayUsed"), status.prettify());
        assertEquals("ops-s-bad", status.getString("deadLetters[0].recordId"), status.prettify());
        assertEquals("UNKNOWN_OPERATION", status.getString("deadLetters[0].code"), status.prettify());
        assertEquals("validation", status.getString("deadLetters[0].stage"));
        assertTrue(status.getList("deadLetters").size() <= 50);
    }

    private static double delta(Metrics before, Metrics after, String sample) {
        return after.get(sample) - before.orZero(sample);
    }
}
