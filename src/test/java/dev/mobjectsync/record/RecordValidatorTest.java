package dev.mobjectsync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;

class RecordValidatorTest {

    private final RecordValidator validator = new RecordValidator("UPSERT", 50);
    private final SourceRef source = SourceRef.fileLine("drop.ndjson", 7);

    private RecordValidator.Result validate(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        return validator.validate(node, source);
    }

    @Test
    void programCostUpdateIsValid() throws Exception {
        RecordValidator.Result result = validate(
                """
                {"recordId":"p1","type":"Program","operation":"UPDATE","id":1970,
                 "typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000","Id":"153"}}]}""");

        assertTrue(result.valid(), () -> result.defects().toString());
        SyncRecord record = result.record();
        assertEquals("UPDATE:Program", record.batchKey());
        assertEquals("Program#id=1970", record.marketoKey());
        assertEquals("2013-06", record.typeAttributes().get(0).attributes().get("Month"));
    }

    @Test
    void missingRecordIdAndOperationAreFilledFromSourceAndDefault() throws Exception {
        RecordValidator.Result result = validate(
                """
                {"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"OPP-1"},"attributes":{"Amount":12.5}}""");

        assertTrue(result.valid(), () -> result.defects().toString());
        assertEquals("drop.ndjson#7", result.record().recordId());
        assertEquals("UPSERT", result.record().operation());
        assertEquals("12.5", result.record().attributes().get("Amount"));
        assertTrue(result.record().json().contains("\"recordId\":\"drop.ndjson#7\""));
        assertEquals("Opportunity#ExtOpptyId=OPP-1", result.record().marketoKey());
    }

    @Test
    void unknownTopLevelFieldIsRefusedNamingIt() throws Exception {
        RecordValidator.Result result = validate("""
                {"recordId":"t1","type":"Opportunity","operation":"INSERT","atributes":{"Name":"Q1"}}""");

        assertEquals(ReasonCode.UNKNOWN_FIELD, result.defects().get(0).code());
        assertTrue(result.defects().get(0).message().contains("'atributes'"), result.defects().get(0).message());
        assertTrue(result.defects().get(0).message().contains("mobject-sync.validation.ignored-fields"));
    }

    @Test
    void channelFieldsAndConfiguredFieldsAreIgnored() throws Exception {
        String deadLetter = """
                {"recordId":"t2","type":"Opportunity","operation":"UPSERT","attributes":{"Name":"Q1"},"crmBatch":"b-7",
                 "error":{"stage":"marketo","code":"FAILED"},"source":{"channel":"file","ref":"a#1"},"result":{},"raw":"x"}""";
        RecordValidator lenient = new RecordValidator("UPSERT", 50, new IgnoredFields(List.of("crmBatch")));

        RecordValidator.Result strict = validate(deadLetter);
        RecordValidator.Result ignoring = lenient.validate(Json.MAPPER.readTree(deadLetter), source);

        assertEquals(ReasonCode.UNKNOWN_FIELD, strict.defects().get(0).code());
        assertTrue(strict.defects().get(0).message().contains("'crmBatch'"), strict.defects().get(0).message());
        assertTrue(ignoring.valid(), () -> ignoring.defects().toString());
    }

    @Test
    void aRawDeadLetterReplayedAsItIsComesBackAsMissingType() throws Exception {
        RecordValidator.Result result = validate("""
                {"recordId":"x.ndjson#3","raw":"{broken","error":{"stage":"validation","code":"UNPARSABLE_JSON"},
                 "source":{"channel":"file","ref":"x.ndjson#3"}}""");

        assertEquals(List.of(ReasonCode.MISSING_TYPE), result.defects().stream().map(Defect::code).toList());
    }

    @Test
    void idGivenAsTextIsAccepted() throws Exception {
        RecordValidator.Result result = validate("""
                {"type":"Opportunity","operation":"UPDATE","id":"64","attributes":{"Name":"x"}}""");

        assertTrue(result.valid(), () -> result.defects().toString());
        assertEquals(64, result.record().id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NOT_AN_OBJECT              | [1,2]
            NOT_AN_OBJECT              | "text"
            MISSING_TYPE               | {"operation":"INSERT"}
            UNKNOWN_TYPE               | {"type":"Lead","operation":"INSERT"}
            UNKNOWN_OPERATION          | {"type":"Opportunity","operation":"upsert"}
            PROGRAM_REQUIRES_UPDATE    | {"type":"Program","operation":"INSERT","id":1970}
            MISSING_KEY                | {"type":"Program","operation":"UPDATE"}
            MISSING_KEY                | {"type":"Opportunity","operation":"UPDATE","attributes":{"Name":"x"}}
            WRONG_SHAPE                | {"type":"Opportunity","attributes":["Name","x"]}
            WRONG_SHAPE                | {"type":"Opportunity","attributes":{"Name":{"first":"x"}}}
            WRONG_SHAPE                | {"type":{"name":"Opportunity"}}
            BAD_ID                     | {"type":"Opportunity","operation":"UPDATE","id":"sixty-four"}
            BAD_ID                     | {"type":"Opportunity","operation":"UPDATE","id":-3}
            BAD_ID                     | {"type":"Opportunity","operation":"UPDATE","id":9999999999}
            BAD_EXTERNAL_KEY           | {"type":"Opportunity","externalKey":"OPP-1"}
            BAD_EXTERNAL_KEY           | {"type":"Opportunity","externalKey":{"name":"ExtOpptyId"}}
            BAD_ASSOCIATION            | {"type":"Opportunity","associations":[{"type":"Company"}]}
            UNKNOWN_TYPE_ATTRIBUTE     | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Budget","attributes":{}}]}
            UNEXPECTED_TYPE_ATTRIBUTES | {"type":"Opportunity","typeAttributes":[{"attrType":"Tag","attributes":{"Type":"a","Value":"b"}}]}
            MISSING_ATTRIBUTE          | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06"}}]}
            MISSING_ATTRIBUTE          | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Tag","attributes":{"Type":"Region"}}]}
            MISSING_ATTRIBUTE          | {"type":"OpportunityPersonRole","operation":"INSERT","attributes":{"PersonId":"19"}}
            MISSING_ATTRIBUTE          | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attributes":{"Type":"Region","Value":"EMEA"}}]}
            MISSING_NAME               | {"type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"OPP-9"},"attributes":{"Amount":"10","IsWon":"true"}}
            MISSING_NAME               | {"type":"Opportunity","operation":"INSERT","attributes":{"Name":""}}
            MISSING_NAME               | {"type":"Opportunity","operation":"INSERT","attributes":{"Name":"  "}}
            MISSING_NAME               | {"type":"Opportunity","operation":"INSERT","attributes":{"Name":null}}
            BAD_MONTH                  | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-13","Amount":"1"}}]}
            BAD_MONTH                  | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"06/2013","Amount":"1"}}]}
            BAD_AMOUNT                 | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"lots"}}]}
            BAD_AMOUNT                 | {"type":"Opportunity","attributes":{"Amount":"80%"}}
            FIELD_TOO_LONG             | {"type":"Opportunity","attributes":{"Description":"012345678901234567890123456789012345678901234567890123456789"}}
            FIELD_TOO_LONG             | {"type":"Opportunity","attributes":{"Description012345678901234567890123456789012345678901234567890123456789":"x"}}
            NOT_A_STRING               | {"type":7,"operation":"INSERT"}
            NOT_A_STRING               | {"type":"Opportunity","operation":true}
            NOT_A_STRING               | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":1,"attributes":{}}]}
            NOT_A_STRING               | {"type":"Opportunity","associations":[{"type":3,"id":4}]}
            UNKNOWN_FIELD              | {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[{"attrType":"Cost","Month":"2013-06","Amount":"1"}]}
            UNKNOWN_FIELD              | {"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"O-1","Name":"x"}}
            UNKNOWN_FIELD              | {"type":"Opportunity","associations":[{"type":"Company","id":4,"attributes":{}}]}
            UNSUPPORTED_CHARACTER      | {"type":"Opportunity","attributes":{"Name":"a\\u0000b"}}
            UNSUPPORTED_CHARACTER      | {"type":"Opportunity","attributes":{"Name":"bell\\u0007"}}
            UNSUPPORTED_CHARACTER      | {"type":"Opportunity","attributes":{"Na\\u0001me":"x"}}
            UNSUPPORTED_CHARACTER      | {"type":"Opportunity","attributes":{"Name":"half \\ud83d pair"}}
            UNSUPPORTED_CHARACTER      | {"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"\\uffff"}}
            """)
    void eachDefectHasItsOwnReasonCode(String code, String json) throws Exception {
        RecordValidator.Result result = validate(json);

        assertTrue(!result.valid(), "expected " + code + " for " + json);
        assertEquals(code, result.defects().get(0).code().name(), () -> result.defects().toString());
        assertTrue(!result.defects().get(0).message().isBlank());
    }

    @Test
    void aThousandAttributesAreAcceptedOneMoreIsTooMany() throws Exception {
        assertTrue(validate(opportunityWithAttributes(RecordValidator.MAX_ENTRIES)).valid());

        RecordValidator.Result result = validate(opportunityWithAttributes(10_000));

        assertEquals(List.of(ReasonCode.TOO_MANY_ATTRIBUTES), result.defects().stream().map(Defect::code).toList());
        assertTrue(result.defects().get(0).message().contains("10000"), result.defects().get(0).message());
    }

    @Test
    void tooManyTypeAttributesOrAssociationsAreRefused() throws Exception {
        String tag = "{\"attrType\":\"Tag\",\"attributes\":{\"Type\":\"Region\",\"Value\":\"EMEA\"}}";
        String company = "{\"type\":\"Company\",\"id\":1}";
        String tags = String.join(",", java.util.Collections.nCopies(RecordValidator.MAX_ENTRIES + 1, tag));
        String companies = String.join(",", java.util.Collections.nCopies(RecordValidator.MAX_ENTRIES + 1, company));

        assertEquals(ReasonCode.TOO_MANY_ATTRIBUTES, validate("{\"type\":\"Program\",\"operation\":\"UPDATE\",\"id\":1,"
                + "\"typeAttributes\":[" + tags + "]}").defects().get(0).code());
        assertEquals(ReasonCode.TOO_MANY_ATTRIBUTES, validate("{\"type\":\"Opportunity\",\"associations\":["
                + companies + "]}").defects().get(0).code());
    }

    private static String opportunityWithAttributes(int count) {
        StringBuilder json = new StringBuilder("{\"type\":\"Opportunity\",\"attributes\":{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"A").append(i).append("\":\"v\"");
        }
        return json.append("}}").toString();
    }

    @Test
    void tabsLineBreaksAndCharactersBeyondTheBasicPlaneAreFine() throws Exception {
        RecordValidator.Result result = validate("""
                {"type":"Opportunity","attributes":{"Name":"two\\tlines\\r\\nand \\ud83d\\ude00 ok"}}""");

        assertTrue(result.valid(), () -> result.defects().toString());
    }

    @Test
    void numbersAreFineWhereAValueIsMeant() throws Exception {
        RecordValidator.Result result = validate(
                """
                {"recordId":42,"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":7},"attributes":{"Amount":12,"Won":true}}""");

        assertTrue(result.valid(), () -> result.defects().toString());
        assertEquals("7", result.record().externalKey().value());
    }

    @Test
    void everyDefectOfARecordIsReported() throws Exception {
        RecordValidator.Result result = validate("""
                {"type":"Program","operation":"UPDATE","id":1,"typeAttributes":[
                  {"attrType":"Cost","attributes":{"Month":"2013-6","Amount":"x"}}]}""");

        List<ReasonCode> codes = result.defects().stream().map(Defect::code).toList();
        assertEquals(List.of(ReasonCode.BAD_MONTH, ReasonCode.BAD_AMOUNT), codes);
    }

    @Test
    void roleMayNameItsOpportunityAndLeadThroughAssociations() throws Exception {
        RecordValidator.Result result = validate("""
                {"type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Champion"},
                 "associations":[{"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"OPP-1"}},
                                 {"type":"Lead","id":19}]}""");

        assertTrue(result.valid(), () -> result.defects().toString());
        assertEquals(2, result.record().associations().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPSERT may update an existing one | {"type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"OPP-9"},"attributes":{"Amount":"10"}}
            UPDATE never creates              | {"type":"Opportunity","operation":"UPDATE","externalKey":{"name":"ExtOpptyId","value":"OPP-9"},"attributes":{"Stage":"Won"}}
            the default operation (UPSERT)    | {"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"OPP-9"}}
            a role has no name                | {"type":"OpportunityPersonRole","operation":"INSERT","attributes":{"OpportunityId":"1001","PersonId":"19"}}
            """)
    void onlyAnOpportunityInsertNeedsAName(String why, String json) throws Exception {
        RecordValidator.Result result = validate(json);

        assertTrue(result.valid(), () -> why + ": " + result.defects());
    }

    @Test
    void anInsertWithoutNameIsRefusedWithItsOwnCodeAndTheOtherDefectsStillCome() throws Exception {
        RecordValidator.Result result = validate("""
                {"type":"Opportunity","operation":"INSERT","attributes":{"Amount":"lots"}}""");

        assertEquals(List.of(ReasonCode.BAD_AMOUNT, ReasonCode.MISSING_NAME),
                result.defects().stream().map(Defect::code).toList());
        assertTrue(result.defects().get(1).message().contains("attributes.Name"), result.defects().toString());
    }
}
