package dev.mobjectsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.cxf.message.MessageContentsList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.ArrayOfMObjAssociation;
import com.marketo.mktows.ArrayOfMObject;
import com.marketo.mktows.ArrayOfTypeAttrib;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.AuthenticationHeaderInfo;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.ParamsSyncMObjects;
import com.marketo.mktows.SuccessSyncMObjects;
import com.marketo.mktows.SyncOperationEnum;
import com.marketo.mktows.TypeAttrib;

import dev.mobjectsync.marketo.MarketoSignature;

/**
 * The simulator counts write calls that touch an object while another call in flight touches it, and, with
 * {@code faults.duplicate-concurrent-upserts}, lets two concurrent UPSERTs of one new external key create
 * two Opportunities. Calls run on their own threads; latches hold them in flight.
 */
class SimulatorOverlapTest {

    private final SimulatorState state = new SimulatorState(Seed.load(null));
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    /** A write call on its own thread: it arrives, stays in flight until {@link #finish()}, then applies and answers. */
    private final class Call {
        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        final CompletableFuture<List<MObjStatus>> answered = new CompletableFuture<>();
        volatile boolean overlapping;

        Call(SyncOperationEnum operation, MObject... objects) {
            Thread thread = new Thread(() -> {
                try {
                    List<MObjStatus> statuses;
                    try (InFlight call = state.enter(List.of(objects))) {
                        overlapping = call.overlapping();
                        arrived.countDown();
                        go.await();
                        statuses = state.sync(operation, List.of(objects), call);
                    }
                    answered.complete(statuses);
                } catch (Throwable e) {
                    arrived.countDown();
                    answered.completeExceptionally(e);
                }
            }, "simulated-call");
            thread.setDaemon(true);
            thread.start();
            try {
                assertTrue(arrived.await(10, TimeUnit.SECONDS), "the call arrived");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Lets the call apply and answer; returns its statuses once it is no longer in flight. */
        List<MObjStatus> finish() throws Exception {
            go.countDown();
            return answered.get(10, TimeUnit.SECONDS);
        }
    }

    // --- overlapping calls -------------------------------------------------------------------------

    @Test
    void twoCallsInFlightOnOneOpportunityOverlap() throws Exception {
        Call first = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open"));
        Call second = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won"));
        first.finish();
        second.finish();

        assertFalse(first.overlapping);
        assertTrue(second.overlapping);
        assertEquals(1, state.overlappingCalls());
    }

    @Test
    void sequentialCallsOnOneOpportunityDoNotOverlap() throws Exception {
        new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open")).finish();
        Call second = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won"));
        second.finish();
        Call third = new Call(SyncOperationEnum.UPDATE, opportunity("OPP-1", "Stage", "Lost"));
        third.finish();

        assertFalse(second.overlapping);
        assertFalse(third.overlapping);
        assertEquals(0, state.overlappingCalls());
    }

    @Test
    void concurrentCallsOnDifferentObjectsDoNotOverlap() throws Exception {
        Call first = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open"),
                opportunity("OPP-2", "Stage", "Open"));
        Call second = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-3", "Stage", "Open"));
        Call third = new Call(SyncOperationEnum.UPDATE,
                program(1970, "Cost", Map.of("Month", "2013-07", "Amount", "10")));
        first.finish();
        second.finish();
        third.finish();

        assertEquals(0, state.overlappingCalls());
    }

    @Test
    void anOpportunityNamedByIdAndByItsExternalKeyIsOneObject() throws Exception {
        int id = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open")).finish().get(0).getId();

        Call byKey = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won"));
        MObject byId = opportunity(null, "Stage", "Lost");
        byId.setId(id);
        Call second = new Call(SyncOperationEnum.UPDATE, byId);
        byKey.finish();
        second.finish();

        assertTrue(second.overlapping);
        assertEquals(1, state.overlappingCalls());
    }

    @Test
    void aRoleCallOverlapsACallOnItsOpportunity() throws Exception {
        int id = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open")).finish().get(0).getId();

        Call onOpportunity = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won"));
        Call roleByKey = new Call(SyncOperationEnum.UPSERT, role(Map.of("Role", "Buyer"),
                association("Opportunity", null, attrib("ExtOpptyId", "OPP-1")), association("Lead", 7, null)));
        Call roleById = new Call(SyncOperationEnum.UPSERT, role(Map.of("OpportunityId", String.valueOf(id),
                "PersonId", "8", "Role", "User")));
        onOpportunity.finish();
        assertEquals(MObjStatusEnum.CREATED, roleByKey.finish().get(0).getStatus());
        assertEquals(MObjStatusEnum.CREATED, roleById.finish().get(0).getStatus());

        assertFalse(onOpportunity.overlapping);
        assertTrue(roleByKey.overlapping);
        assertTrue(roleById.overlapping);
        assertEquals(2, state.overlappingCalls());
    }

    @Test
    void rolesOfOtherOpportunitiesDoNotOverlapButOneRoleTwiceDoes() throws Exception {
        new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open"),
                opportunity("OPP-2", "Stage", "Open")).finish();

        Call first = new Call(SyncOperationEnum.UPSERT, role(Map.of("PersonId", "7", "Role", "Buyer"),
                association("Opportunity", null, attrib("ExtOpptyId", "OPP-1"))));
        Call other = new Call(SyncOperationEnum.UPSERT, role(Map.of("PersonId", "7", "Role", "Buyer"),
                association("Opportunity", null, attrib("ExtOpptyId", "OPP-2"))));
        Call again = new Call(SyncOperationEnum.UPSERT, role(Map.of("PersonId", "7", "Role", "User"),
                association("Opportunity", null, attrib("ExtOpptyId", "OPP-1"))));
        first.finish();
        other.finish();
        again.finish();

        assertFalse(other.overlapping);
        assertTrue(again.overlapping);
        assertEquals(1, state.overlappingCalls());
    }

    @Test
    void theCallLogCountsTheOverlappingWriteCalls() {
        CallLog log = new CallLog();
        log.add(new CallLog.Call(Instant.now(), "syncMObjects", "UPSERT", 1, null, false));
        log.add(new CallLog.Call(Instant.now(), "syncOpportunities", "UPSERT", 1, null, true));
        log.add(new CallLog.Call(Instant.now(), "syncMObjects", "UPSERT", 1, "20023", true));
        log.add(new CallLog.Call(Instant.now(), "getMObjects", null, 0, null));

        assertEquals(2, log.summary().overlapping());
        assertEquals(3, log.summary().syncCalls());
    }

    // --- duplicates of a new external key ----------------------------------------------------------

    @Test
    void withTheFaultTwoConcurrentUpsertsOfANewKeyCreateTwoOpportunities() throws Exception {
        state.duplicateConcurrentUpserts(true);
        Call first = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open"));
        Call second = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won"));
        MObjStatus created = first.finish().get(0);
        MObjStatus duplicate = second.finish().get(0);

        assertEquals(MObjStatusEnum.CREATED, created.getStatus());
        assertEquals(MObjStatusEnum.CREATED, duplicate.getStatus());
        assertNotEquals(created.getId(), duplicate.getId());
        assertEquals(1, state.duplicateExternalKeys());
        assertEquals(2, opportunitiesWithKey("OPP-1"));
    }

    @Test
    void withoutTheFaultTwoConcurrentUpsertsOfANewKeyCreateOneOpportunity() throws Exception {
        Call first = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open"));
        Call second = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won"));
        MObjStatus created = first.finish().get(0);
        MObjStatus updated = second.finish().get(0);

        assertEquals(MObjStatusEnum.CREATED, created.getStatus());
        assertEquals(MObjStatusEnum.UPDATED, updated.getStatus());
        assertEquals(created.getId(), updated.getId());
        assertEquals(0, state.duplicateExternalKeys());
        assertEquals(1, opportunitiesWithKey("OPP-1"));
    }

    @Test
    void withTheFaultSequentialUpsertsAndAnExistingKeyMakeNoDuplicate() throws Exception {
        state.duplicateConcurrentUpserts(true);
        new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Open")).finish();
        new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Won")).finish();
        // the key exists before both calls arrive: they update it, concurrent or not
        Call first = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Stage", "Lost"));
        Call second = new Call(SyncOperationEnum.UPSERT, opportunity("OPP-1", "Amount", "5"));
        first.finish();
        second.finish();
        // one call carrying the key twice updates what it created itself
        new Call(SyncOperationEnum.UPSERT, opportunity("OPP-2", "Stage", "Open"), opportunity("OPP-2", "Stage", "Won"))
                .finish();

        assertEquals(0, state.duplicateExternalKeys());
        assertEquals(1, opportunitiesWithKey("OPP-1"));
        assertEquals(1, opportunitiesWithKey("OPP-2"));
    }

    // --- through the SOAP service: the window spans the injected latency ---------------------------

    @Test
    void soapCallsOverlapWhileTheInjectedLatencyHoldsThem() throws Exception {
        SimulatorConfig config = PackagedSimulatorConfig.with(Map.of("mobject-sync.simulator.active", "true"));
        Clock clock = Clock.systemUTC();
        FaultInjector faults = new FaultInjector(config, clock);
        faults.set(new FaultInjector.Settings(Duration.ofMillis(1500), 0, "20023", 0, 0, Duration.ofSeconds(20), 0,
                null, 1));
        CallLog log = new CallLog();
        SimulatorService service = new SimulatorService(config, state, log, faults, clock);
        state.duplicateConcurrentUpserts(true);

        // the second call arrives while the first one sleeps its latency, before either applies its object
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<MObjStatus> firstStatuses;
        List<MObjStatus> secondStatuses;
        try {
            Future<Object> first = clients.submit(() -> service.answer(upsert(config, "OPP-9")));
            Thread.sleep(300);
            Future<Object> second = clients.submit(() -> service.answer(upsert(config, "OPP-9")));
            firstStatuses = statuses(first.get(20, TimeUnit.SECONDS));
            secondStatuses = statuses(second.get(20, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }
        faults.set(FaultInjector.Settings.none());
        service.answer(upsert(config, "OPP-10"));

        assertEquals(MObjStatusEnum.CREATED, firstStatuses.get(0).getStatus());
        assertEquals(MObjStatusEnum.CREATED, secondStatuses.get(0).getStatus());
        assertEquals(3, log.summary().syncCalls());
        assertEquals(1, log.summary().overlapping());
        assertEquals(List.of(false, true, false), log.syncCalls().stream().map(CallLog.Call::overlapping).toList());
        assertEquals(1, state.overlappingCalls());
        assertEquals(1, state.duplicateExternalKeys());
    }

    private Exchange upsert(SimulatorConfig config, String externalKey) {
        ParamsSyncMObjects params = new ParamsSyncMObjects();
        params.setOperation(SyncOperationEnum.UPSERT);
        ArrayOfMObject list = new ArrayOfMObject();
        list.getMObject().add(opportunity(externalKey, "Stage", "Open"));
        params.setMObjectList(list);
        String timestamp = OffsetDateTime.now(ZoneOffset.UTC).toString();
        AuthenticationHeaderInfo header = new AuthenticationHeaderInfo();
        header.setMktowsUserId(config.userId());
        header.setRequestTimestamp(timestamp);
        header.setRequestSignature(MarketoSignature.sign(timestamp, config.userId(),
                config.secretKey().bytes()));
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(CxfConstants.OPERATION_NAME, "syncMObjects");
        exchange.getMessage().setBody(new MessageContentsList(params, header));
        return exchange;
    }

    private static List<MObjStatus> statuses(Object answer) {
        SuccessSyncMObjects success = (SuccessSyncMObjects) ((MessageContentsList) answer).get(0);
        return success.getResult().getMObjStatusList().getMObjStatus();
    }

    // --- objects -----------------------------------------------------------------------------------

    private long opportunitiesWithKey(String externalKey) {
        ParamsGetMObjects params = new ParamsGetMObjects();
        params.setType("Opportunity");
        params.setExternalKey(attrib("ExtOpptyId", externalKey));
        return state.get(params).getMObjectList().getMObject().size();
    }

    private static Attrib attrib(String name, String value) {
        Attrib attrib = new Attrib();
        attrib.setName(name);
        attrib.setValue(value);
        return attrib;
    }

    private static ArrayOfAttrib attribs(Map<String, String> values) {
        ArrayOfAttrib list = new ArrayOfAttrib();
        values.forEach((n, v) -> list.getAttrib().add(attrib(n, v)));
        return list;
    }

    private static MObject opportunity(String externalKey, String name, String value) {
        MObject object = new MObject();
        object.setType("Opportunity");
        if (externalKey != null) {
            object.setExternalKey(attrib("ExtOpptyId", externalKey));
        }
        // Marketo refuses to create an Opportunity without a Name
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("Name", "n"));
        values.put(name, value);
        object.setAttribList(attribs(values));
        return object;
    }

    private static MObject program(int id, String attrType, Map<String, String> values) {
        MObject object = new MObject();
        object.setType("Program");
        object.setId(id);
        TypeAttrib typeAttrib = new TypeAttrib();
        typeAttrib.setAttrType(attrType);
        typeAttrib.setAttrList(attribs(values));
        ArrayOfTypeAttrib list = new ArrayOfTypeAttrib();
        list.getTypeAttrib().add(typeAttrib);
        object.setTypeAttribList(list);
        return object;
    }

    private static MObject role(Map<String, String> values, MObjAssociation... associations) {
        MObject object = new MObject();
        object.setType("OpportunityPersonRole");
        object.setAttribList(attribs(values));
        if (associations.length > 0) {
            ArrayOfMObjAssociation list = new ArrayOfMObjAssociation();
            list.getMObjAssociation().addAll(List.of(associations));
            object.setAssociationList(list);
        }
        return object;
    }

    private static MObjAssociation association(String type, Integer id, Attrib externalKey) {
        MObjAssociation association = new MObjAssociation();
        association.setMObjType(type);
        association.setId(id);
        association.setExternalKey(externalKey);
        return association;
    }
}
