package dev.mobjectsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.ArrayOfMObjAssociation;
import com.marketo.mktows.ArrayOfTypeAttrib;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.ResultGetMObjects;
import com.marketo.mktows.SyncOperationEnum;
import com.marketo.mktows.TypeAttrib;

class SimulatorStateTest {

    private final SimulatorState state = new SimulatorState(Seed.load(null));

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

    private static MObject opportunity(Integer id, String externalKey, Map<String, String> values) {
        MObject object = new MObject();
        object.setType("Opportunity");
        object.setId(id);
        if (externalKey != null) {
            object.setExternalKey(attrib("ExtOpptyId", externalKey));
        }
        object.setAttribList(attribs(values));
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

    private MObjStatus one(SyncOperationEnum operation, MObject object) {
        List<MObjStatus> statuses = state.sync(operation, List.of(object));
        assertEquals(1, statuses.size());
        return statuses.get(0);
    }

    @Test
    void referencePageRequestUpdatesProgram1970() {
        MObjStatus status = one(SyncOperationEnum.UPDATE,
                program(1970, "Cost", Map.of("Month", "2013-06", "Amount", "2000", "Id", "153")));

        assertEquals(1970, status.getId());
        assertEquals(MObjStatusEnum.UPDATED, status.getStatus());
        assertNull(status.getError());
        assertNull(status.getExternalKey());
    }

    @Test
    void sameCostTwiceIsUnchanged() {
        MObject update = program(1970, "Cost", Map.of("Month", "2013-06", "Amount", "2000", "Id", "153"));
        one(SyncOperationEnum.UPDATE, update);

        assertEquals(MObjStatusEnum.UNCHANGED, one(SyncOperationEnum.UPDATE, update).getStatus());
    }

    @Test
    void programRules() {
        assertEquals(MObjStatusEnum.FAILED, one(SyncOperationEnum.UPSERT,
                program(1970, "Cost", Map.of("Month", "2013-07", "Amount", "5"))).getStatus());
        assertEquals(MObjStatusEnum.SKIPPED, one(SyncOperationEnum.UPDATE,
                program(4242, "Cost", Map.of("Month", "2013-07", "Amount", "5"))).getStatus());
        MObjStatus unknownTag = one(SyncOperationEnum.UPDATE, program(1970, "Tag", Map.of("Type", "Region", "Value",
                "Mars")));
        assertEquals(MObjStatusEnum.FAILED, unknownTag.getStatus());
        assertTrue(unknownTag.getError().contains("Mars"), unknownTag.getError());
        assertEquals(MObjStatusEnum.UPDATED, one(SyncOperationEnum.UPDATE,
                program(1970, "Tag", Map.of("Type", "Region", "Value", "EMEA"))).getStatus());
        assertEquals(MObjStatusEnum.FAILED, one(SyncOperationEnum.UPDATE,
                program(1970, "Cost", Map.of("Month", "2013-07", "Amount", "5", "Id", "999"))).getStatus());
    }

    @Test
    void anOpportunityIsNeverCreatedWithoutAName() {
        MObjStatus insert = one(SyncOperationEnum.INSERT, opportunity(null, "OPP-9", Map.of("Amount", "10", "IsWon",
                "true")));
        assertEquals(MObjStatusEnum.FAILED, insert.getStatus());
        assertEquals(SimulatorState.NAME_REQUIRED, insert.getError());
        assertEquals("OPP-9", insert.getExternalKey().getValue());
        assertEquals(MObjStatusEnum.FAILED, one(SyncOperationEnum.UPSERT,
                opportunity(null, "OPP-9", Map.of("Amount", "10"))).getStatus(), "an UPSERT that would create");
        assertEquals(MObjStatusEnum.FAILED, one(SyncOperationEnum.INSERT,
                opportunity(null, "OPP-9", Map.of("Name", " "))).getStatus(), "a blank name is no name");

        assertEquals(MObjStatusEnum.CREATED, one(SyncOperationEnum.INSERT,
                opportunity(null, "OPP-9", Map.of("Name", "Named"))).getStatus());
        assertEquals(MObjStatusEnum.UPDATED, one(SyncOperationEnum.UPSERT,
                opportunity(null, "OPP-9", Map.of("Amount", "20"))).getStatus(), "an existing one keeps its name");
    }

    @Test
    void costsAndTagsAreVisibleThroughGetMObjects() {
        one(SyncOperationEnum.UPDATE, program(1971, "Cost", Map.of("Month", "2014-02", "Amount", "700")));
        ParamsGetMObjects params = new ParamsGetMObjects();
        params.setType("Program");
        params.setId(1971);
        params.setIncludeDetails(true);

        ResultGetMObjects result = state.get(params);

        assertEquals(1, result.getReturnCount());
        List<TypeAttrib> details = result.getMObjectList().getMObject().get(0).getTypeAttribList().getTypeAttrib();
        assertTrue(details.stream().anyMatch(t -> t.getAttrType().equals("Cost")
                && t.getAttrList().getAttrib().stream().anyMatch(a -> a.getValue().equals("2014-02"))));
    }

    @Test
    void opportunityLifecycleFollowsTheOperationModes() {
        MObjStatus created = one(SyncOperationEnum.INSERT, opportunity(null, "OPP-1", Map.of("Name", "Q1")));
        assertEquals(MObjStatusEnum.CREATED, created.getStatus());
        assertEquals("OPP-1", created.getExternalKey().getValue());

        assertEquals(MObjStatusEnum.SKIPPED,
                one(SyncOperationEnum.INSERT, opportunity(null, "OPP-1", Map.of("Name", "Q1"))).getStatus());
        assertEquals(MObjStatusEnum.UNCHANGED,
                one(SyncOperationEnum.UPSERT, opportunity(null, "OPP-1", Map.of("Name", "Q1"))).getStatus());
        MObjStatus updated = one(SyncOperationEnum.UPDATE, opportunity(created.getId(), null, Map.of("Name", "Q2")));
        assertEquals(MObjStatusEnum.UPDATED, updated.getStatus());
        assertEquals(created.getId(), updated.getId());
        assertEquals(MObjStatusEnum.SKIPPED,
                one(SyncOperationEnum.UPDATE, opportunity(null, "OPP-404", Map.of("Name", "x"))).getStatus());
        assertEquals(MObjStatusEnum.FAILED,
                one(SyncOperationEnum.UPSERT, opportunity(null, "OPP-2", Map.of("Colour", "red"))).getStatus());
    }

    @Test
    void roleNeedsAnExistingOpportunity() {
        MObjStatus missing = one(SyncOperationEnum.INSERT, role(Map.of("OpportunityId", "777", "PersonId", "19")));
        assertEquals(MObjStatusEnum.FAILED, missing.getStatus());
        assertTrue(missing.getError().contains("777"));

        int opportunityId = one(SyncOperationEnum.INSERT, opportunity(null, "OPP-R", Map.of("Name", "R"))).getId();
        MObjAssociation byKey = new MObjAssociation();
        byKey.setMObjType("Opportunity");
        byKey.setExternalKey(attrib("ExtOpptyId", "OPP-R"));
        MObjAssociation lead = new MObjAssociation();
        lead.setMObjType("Lead");
        lead.setId(19);

        assertEquals(MObjStatusEnum.CREATED, one(SyncOperationEnum.INSERT, role(Map.of("Role", "Champion"), byKey,
                lead)).getStatus());
        assertEquals(MObjStatusEnum.SKIPPED, one(SyncOperationEnum.INSERT,
                role(Map.of("OpportunityId", String.valueOf(opportunityId), "PersonId", "19"))).getStatus());
    }

    @Test
    void aChangedExternalKeyNoLongerFindsTheObject() {
        int id = one(SyncOperationEnum.INSERT, opportunity(null, "OLD-KEY", Map.of("Name", "x"))).getId();
        one(SyncOperationEnum.UPDATE, opportunity(id, null, Map.of("ExtOpptyId", "NEW-KEY")));

        assertEquals(MObjStatusEnum.CREATED,
                one(SyncOperationEnum.INSERT, opportunity(null, "OLD-KEY", Map.of("Name", "y"))).getStatus());
        assertEquals(MObjStatusEnum.SKIPPED,
                one(SyncOperationEnum.INSERT, opportunity(null, "NEW-KEY", Map.of("Name", "z"))).getStatus());
    }

    @Test
    void roleMayNameItsLeadByExternalKey() {
        one(SyncOperationEnum.INSERT, opportunity(null, "OPP-L", Map.of("Name", "L")));
        MObjAssociation byKey = new MObjAssociation();
        byKey.setMObjType("Opportunity");
        byKey.setExternalKey(attrib("ExtOpptyId", "OPP-L"));
        MObjAssociation lead = new MObjAssociation();
        lead.setMObjType("Lead");
        lead.setExternalKey(attrib("Email", "ann@example.com"));

        assertEquals(MObjStatusEnum.CREATED, one(SyncOperationEnum.INSERT, role(Map.of(), byKey, lead)).getStatus());
        assertEquals(MObjStatusEnum.SKIPPED, one(SyncOperationEnum.INSERT, role(Map.of(), byKey, lead)).getStatus());
    }

    @Test
    void statusesComeBackInRequestOrder() {
        List<MObjStatus> statuses = state.sync(SyncOperationEnum.UPSERT, List.of(
                opportunity(null, "K1", Map.of("Name", "1")),
                opportunity(null, "K2", Map.of("Name", "2")),
                opportunity(null, "K3", Map.of("Name", "3"))));

        assertEquals(List.of("K1", "K2", "K3"), statuses.stream().map(s -> s.getExternalKey().getValue()).toList());
    }

    @Test
    void unknownGetTypeIsAFault() {
        ParamsGetMObjects params = new ParamsGetMObjects();
        params.setType("Lead");

        SoapFault fault = assertThrows(SoapFault.class, () -> state.get(params));
        assertEquals("20110", MarketoFaults.codeOf(fault));
    }
}
