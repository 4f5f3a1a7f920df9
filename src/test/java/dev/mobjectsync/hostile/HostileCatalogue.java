package dev.mobjectsync.hostile;

import static dev.mobjectsync.hostile.HostileInput.SUCCESS;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of hostile input: kinds of bad JSON records (each delivered as an NDJSON line, a Kafka
 * message and a JMS message), and kinds that only a file format or a message can have (empty files,
 * broken CSV, a broken {@code .json} file, empty messages, a Kafka tombstone). Each has the reason code a
 * user can act on.
 */
final class HostileCatalogue {

    static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private HostileCatalogue() {
    }

    /** A record that is valid and creates an Opportunity: what the good records around the bad ones are. */
    static String goodRecord(String recordId) {
        return """
                {"recordId":"%s","type":"Opportunity","operation":"INSERT","attributes":{"Name":"Good %1$s","Amount":"100"}}"""
                .formatted(recordId);
    }

    private static String programCost(String month, String amount) {
        return """
                {"recordId":"%s","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"MONTH","Amount":"AMOUNT","Id":"153"}}]}"""
                .replace("MONTH", month).replace("AMOUNT", amount);
    }

    /** Kinds of bad JSON text: delivered on NDJSON, Kafka and JMS alike. {@code %s} is the recordId. */
    private static List<JsonKind> jsonKinds() {
        List<JsonKind> kinds = new ArrayList<>();
        kinds.add(kind("broken JSON", "UNPARSABLE_JSON", "", text("{\"recordId\":\"%s\", this is not json")));
        kinds.add(kind("truncated record", "UNPARSABLE_JSON", "",
                text(goodRecord("%s").substring(0, goodRecord("%s").length() / 2))));
        kinds.add(kind("trailing garbage after the record", "UNPARSABLE_JSON", "", text(goodRecord("%s") + " }]")));
        kinds.add(kind("NaN as an amount", "UNPARSABLE_JSON", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"attributes\":{\"Amount\":NaN}}")));
        kinds.add(kind("a string instead of a record", "NOT_AN_OBJECT", "", text("\"just a string\"")));
        kinds.add(kind("top-level array of non-records", "NOT_AN_OBJECT", "[0]", text("[42]")));
        kinds.add(kind("wrong JSON type: attributes as an array", "WRONG_SHAPE", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"attributes\":[\"Name\",\"x\"]}")));
        kinds.add(kind("number where a string belongs", "NOT_A_STRING", "",
                text("{\"recordId\":\"%s\",\"type\":7,\"operation\":\"INSERT\"}")));
        kinds.add(kind("unknown field in the wrong place", "UNKNOWN_FIELD", "",
                text("{\"recordId\":\"%s\",\"type\":\"Program\",\"operation\":\"UPDATE\",\"id\":1970,"
                        + "\"typeAttributes\":[{\"attrType\":\"Cost\",\"Month\":\"2013-06\",\"Amount\":\"10\"}]}")));
        kinds.add(kind("missing type", "MISSING_TYPE", "",
                text("{\"recordId\":\"%s\",\"operation\":\"INSERT\",\"attributes\":{\"Name\":\"x\"}}")));
        kinds.add(kind("unknown type", "UNKNOWN_TYPE", "",
                text("{\"recordId\":\"%s\",\"type\":\"Lead\",\"operation\":\"INSERT\"}")));
        kinds.add(kind("unknown operation", "UNKNOWN_OPERATION", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"operation\":\"DELETE\"}")));
        kinds.add(kind("Program with INSERT", "PROGRAM_REQUIRES_UPDATE", "",
                text("{\"recordId\":\"%s\",\"type\":\"Program\",\"operation\":\"INSERT\",\"id\":1970}")));
        kinds.add(kind("UPDATE without id or externalKey", "MISSING_KEY", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"operation\":\"UPDATE\",\"attributes\":{\"Name\":\"x\"}}")));
        kinds.add(kind("Cost Month not yyyy-MM", "BAD_MONTH", "", text(programCost("2013-6", "10"))));
        kinds.add(kind("Amount not numeric", "BAD_AMOUNT", "", text(programCost("2013-06", "2,000 USD"))));
        kinds.add(kind("bad id", "BAD_ID", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"operation\":\"UPDATE\",\"id\":-5}")));
        kinds.add(kind("bad externalKey", "BAD_EXTERNAL_KEY", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"externalKey\":{\"name\":\"ExtOpptyId\"}}")));
        kinds.add(kind("bad association", "BAD_ASSOCIATION", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"associations\":[{\"type\":\"Company\"}]}")));
        kinds.add(kind("unknown attrType", "UNKNOWN_TYPE_ATTRIBUTE", "",
                text("{\"recordId\":\"%s\",\"type\":\"Program\",\"operation\":\"UPDATE\",\"id\":1970,"
                        + "\"typeAttributes\":[{\"attrType\":\"Budget\",\"attributes\":{\"Amount\":\"1\"}}]}")));
        kinds.add(kind("typeAttributes on an Opportunity", "UNEXPECTED_TYPE_ATTRIBUTES", "",
                text("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"typeAttributes\":"
                        + "[{\"attrType\":\"Tag\",\"attributes\":{\"Type\":\"Region\",\"Value\":\"EMEA\"}}]}")));
        kinds.add(kind("role without its person", "MISSING_ATTRIBUTE", "",
                text("{\"recordId\":\"%s\",\"type\":\"OpportunityPersonRole\",\"operation\":\"INSERT\","
                        + "\"attributes\":{\"OpportunityId\":\"1001\"}}")));
        kinds.add(kind("field too long", "FIELD_TOO_LONG", "", text("{\"recordId\":\"%s\",\"type\":\"Opportunity\","
                + "\"attributes\":{\"Description\":\"" + "x".repeat(5000) + "\"}}")));
        kinds.add(kind("10,000 attributes", "TOO_MANY_ATTRIBUTES", "", text(tenThousandAttributes())));
        kinds.add(kind("100k nested arrays", "NESTING_TOO_DEEP", "",
                text("[".repeat(100_000) + "]".repeat(100_000))));
        kinds.add(kind("duplicate JSON keys", "DUPLICATE_FIELD", "", text(
                "{\"recordId\":\"%s\",\"type\":\"Opportunity\","
                        + "\"attributes\":{\"Amount\":\"1\",\"Amount\":\"1000000\"}}")));
        kinds.add(kind("NUL byte", "NUL_BYTE", "", text("{\"recordId\":\"%s\",\"type\":\"Oppor\0tunity\"}")));
        kinds.add(kind("UTF-16 text", "NUL_BYTE", "", id -> goodRecord(id).getBytes(StandardCharsets.UTF_16LE)));
        kinds.add(kind("escaped NUL in a value", "UNSUPPORTED_CHARACTER", "", text("{\"recordId\":\"%s\","
                + "\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"a\\u0000b\"}}")));
        kinds.add(kind("half a surrogate pair in a value", "UNSUPPORTED_CHARACTER", "", text("{\"recordId\":\"%s\","
                + "\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"half \\ud800 pair\"}}")));
        kinds.add(kind("half a surrogate pair in an ignored top-level field (one the channels add)", SUCCESS, "",
                text(goodRecord("%s").replace("{\"recordId\"", "{\"raw\":\"\\udfff\",\"recordId\""))));
        kinds.add(kind("a misspelled top-level field", "UNKNOWN_FIELD", "", text(goodRecord("%s")
                .replace("{\"recordId\"", "{\"atributes\":{\"Name\":\"x\"},\"recordId\""))));
        kinds.add(kind("invalid UTF-8", "INVALID_ENCODING", "", id -> concat(
                ("{\"recordId\":\"" + id + "\",\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"")
                        .getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, (byte) 0x28}, "\"}}".getBytes(
                                StandardCharsets.UTF_8))));
        kinds.add(kind("10 MB record", "RECORD_TOO_LARGE", "", text("{\"recordId\":\"%s\",\"type\":\"Opportunity\","
                + "\"attributes\":{\"Description\":\"" + "x".repeat(TEN_MEGABYTES) + "\"}}")));
        kinds.add(kind("UTF-8 byte order mark before the record", SUCCESS, "", id -> concat(BOM,
                goodRecord(id).getBytes(StandardCharsets.UTF_8))));
        return kinds;
    }

    static List<HostileInput> all() {
        List<HostileInput> inputs = new ArrayList<>();
        int n = 0;
        for (JsonKind kind : jsonKinds()) {
            for (Source source : List.of(Source.NDJSON_FILE, Source.KAFKA, Source.JMS)) {
                String recordId = "hostile-" + (n++);
                String suffix = (source.isFile() ? "#1" : "") + kind.refSuffix();
                inputs.add(new HostileInput(kind.kind(), source, kind.text().bytes(recordId), kind.expected(), suffix));
            }
        }
        inputs.addAll(fileKinds());
        inputs.addAll(messageKinds());
        return inputs;
    }

    private static List<HostileInput> fileKinds() {
        List<HostileInput> inputs = new ArrayList<>();
        inputs.add(file("empty file", Source.NDJSON_FILE, new byte[0], "EMPTY_FILE", "#1"));
        inputs.add(file("file of blank lines", Source.JSON_FILE, bytes("\n  \r\n\t\n"), "EMPTY_FILE", "#1"));
        inputs.add(file("file of only a byte order mark", Source.CSV_FILE, BOM, "EMPTY_FILE", "#1"));
        inputs.add(file("CSV row with a missing column", Source.CSV_FILE,
                bytes("recordId,type,operation,attr.Name\nhostile-csv-1,Opportunity,INSERT\n"), "CSV_COLUMN_COUNT",
                "#2"));
        inputs.add(file("CSV with an unterminated quote", Source.CSV_FILE,
                bytes("recordId,type,attr.Name\nhostile-csv-2,Opportunity,\"never closed\n"), "UNPARSABLE_CSV", "#2"));
        inputs.add(file("CSV header naming a column twice", Source.CSV_FILE,
                bytes("recordId,type,type\nhostile-csv-3,Opportunity,Program\n"), "UNPARSABLE_CSV", "#1"));
        inputs.add(file("CSV of invalid UTF-8", Source.CSV_FILE, concat(bytes(
                "recordId,type,attr.Name\nhostile-csv-4,Opportunity,"),
                new byte[]{(byte) 0xFF, (byte) 0xFE}, bytes("\n")), "INVALID_ENCODING", "#1"));
        inputs.add(file("CSV row with a NUL byte", Source.CSV_FILE,
                bytes("recordId,type,attr.Name\nhostile-csv-5,Opportunity,a\0b\n"), "NUL_BYTE", "#2"));
        inputs.add(file("CSV Cost Month not yyyy-MM", Source.CSV_FILE,
                bytes("recordId,type,operation,id,cost.Month,cost.Amount\nhostile-csv-6,Program,UPDATE,1970,June 2013,10\n"),
                "BAD_MONTH", "#2"));
        inputs.add(file("CSV with a byte order mark", Source.CSV_FILE,
                concat(BOM, bytes("recordId,type,operation,attr.Name\nhostile-csv-7,Opportunity,INSERT,BOM deal\n")),
                SUCCESS, "#2"));
        inputs.add(file("broken .json file", Source.JSON_FILE, bytes("{\"recordId\":\"hostile-json-1\",\"type\":"),
                "UNPARSABLE_JSON", "#1"));
        inputs.add(file(".json file nested 100k deep", Source.JSON_FILE,
                bytes("[".repeat(100_000) + "]".repeat(100_000)), "NESTING_TOO_DEEP", "#1"));
        inputs.add(file(".json array element with duplicate keys", Source.JSON_FILE,
                bytes("[{\"recordId\":\"hostile-json-2\",\"type\":\"Opportunity\",\"type\":\"Program\"}]"),
                "DUPLICATE_FIELD", "#1[0]"));
        inputs.add(file(".json file with a 10 MB value", Source.JSON_FILE, bytes("{\"recordId\":\"hostile-json-3\","
                + "\"type\":\"Opportunity\",\"attributes\":{\"Description\":\"" + "x".repeat(TEN_MEGABYTES) + "\"}}"),
                "FIELD_TOO_LONG", "#1"));
        inputs.add(file(".json file with a byte order mark", Source.JSON_FILE,
                concat(BOM, bytes("[" + goodRecord("hostile-json-4") + "]")), SUCCESS, "#1[0]"));
        return inputs;
    }

    private static List<HostileInput> messageKinds() {
        return List.of(
                new HostileInput("empty Kafka message", Source.KAFKA, new byte[0], "EMPTY_MESSAGE", ""),
                new HostileInput("Kafka tombstone (no value)", Source.KAFKA, null, "EMPTY_MESSAGE", ""),
                new HostileInput("blank Kafka message", Source.KAFKA, bytes(" \n "), "EMPTY_MESSAGE", ""),
                new HostileInput("empty JMS message", Source.JMS, new byte[0], "EMPTY_MESSAGE", ""),
                new HostileInput("JMS message without a body", Source.JMS, null, "EMPTY_MESSAGE", ""),
                new HostileInput("blank JMS message", Source.JMS, bytes("\t\r\n"), "EMPTY_MESSAGE", ""));
    }

    private static HostileInput file(String kind, Source source, byte[] bytes, String expected, String refSuffix) {
        return new HostileInput(kind, source, bytes, expected, refSuffix);
    }

    /** The bytes of one kind for one recordId. */
    @FunctionalInterface
    private interface RecordText {
        byte[] bytes(String recordId);
    }

    /** A kind of bad JSON text, delivered on every source that carries JSON text. */
    private record JsonKind(String kind, String expected, String refSuffix, RecordText text) {
    }

    private static JsonKind kind(String kind, String expected, String refSuffix, RecordText text) {
        return new JsonKind(kind, expected, refSuffix, text);
    }

    private static RecordText text(String template) {
        return id -> template.replace("%s", id).getBytes(StandardCharsets.UTF_8);
    }

    private static String tenThousandAttributes() {
        StringBuilder json = new StringBuilder("{\"recordId\":\"%s\",\"type\":\"Opportunity\",\"attributes\":{");
        for (int i = 0; i < 10_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"Field").append(i).append("\":\"v\"");
        }
        return json.append("}}").toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
