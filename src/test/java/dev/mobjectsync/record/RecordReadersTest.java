package dev.mobjectsync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RecordReadersTest {

    private final RecordReaders readers = new RecordReaders(1 << 20);

    private List<InputItem> read(String fileName, String content) throws IOException {
        List<InputItem> items = new ArrayList<>();
        try (RecordReader reader = readers.open(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                fileName)) {
            reader.forEachRemaining(items::add);
            assertFalse(reader.hasNext(), "a drained reader stays drained");
        }
        return items;
    }

    @Test
    void ndjsonYieldsOneItemPerLineWithLineRefsAndSkipsBlankLines() throws IOException {
        List<InputItem> items = read("a.ndjson",
                "\uFEFF{\"type\":\"Program\"}\n\n{\"type\":\"Opportunity\"}\r\n{broken\n");

        assertEquals(3, items.size());
        assertEquals("Program", items.get(0).node().get("type").asText());
        assertEquals("a.ndjson#1", items.get(0).source().ref());
        assertEquals("a.ndjson#3", items.get(1).source().ref());
        assertFalse(items.get(2).isParsed());
        assertEquals(ReasonCode.UNPARSABLE_JSON, items.get(2).parseError());
        assertEquals("{broken", items.get(2).unparsedText());
        assertEquals("a.ndjson#4", items.get(2).source().ref());
    }

    @Test
    void ndjsonLineWithTwoValuesIsUnparsable() throws IOException {
        List<InputItem> items = read("a.ndjson", "{\"a\":1}{\"b\":2}\n");

        assertEquals(1, items.size());
        assertEquals(ReasonCode.UNPARSABLE_JSON, items.get(0).parseError());
    }

    @Test
    void jsonArrayYieldsItsElementsWithTheirLines() throws IOException {
        List<InputItem> items = read("b.json", "[\n {\"recordId\":\"r1\"},\n {\"recordId\":\"r2\"}\n]\n");

        assertEquals(List.of("r1", "r2"), items.stream().map(i -> i.node().get("recordId").asText()).toList());
        assertEquals("b.json#2[0]", items.get(0).source().ref());
        assertEquals("b.json#3[1]", items.get(1).source().ref());
    }

    @Test
    void oneLineJsonArrayGivesEveryElementItsOwnRef() throws IOException {
        List<InputItem> items = read("one.json",
                "[{\"type\":\"Program\"},{\"type\":\"Program\"},{\"type\":\"Program\"}]");

        assertEquals(List.of("one.json#1[0]", "one.json#1[1]", "one.json#1[2]"),
                items.stream().map(i -> i.source().ref()).toList());
    }

    @Test
    void ndjsonLineOfBadBytesIsRefusedAloneAndTheNextLinesStillCount() throws IOException {
        byte[] content = concat("{\"recordId\":\"a\"}\n".getBytes(StandardCharsets.UTF_8),
                new byte[]{'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'},
                "{\"recordId\":\"b\"}\n".getBytes(StandardCharsets.UTF_8));
        List<InputItem> items = new ArrayList<>();
        try (RecordReader reader = readers.open(new ByteArrayInputStream(content), "enc.ndjson")) {
            reader.forEachRemaining(items::add);
        }

        assertEquals(3, items.size());
        assertEquals(ReasonCode.INVALID_ENCODING, items.get(1).parseError());
        assertEquals("enc.ndjson#2", items.get(1).source().ref());
        assertEquals("b", items.get(2).node().get("recordId").asText());
    }

    @Test
    void jsonFileOfBadBytesIsReportedNotDropped() throws IOException {
        byte[] content = concat("[{\"recordId\":\"a\"},\n{\"recordId\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xFF, (byte) 0xFE}, "\"}]".getBytes(StandardCharsets.UTF_8));
        List<InputItem> items = new ArrayList<>();
        try (RecordReader reader = readers.open(new ByteArrayInputStream(content), "enc.json")) {
            reader.forEachRemaining(items::add);
        }

        assertEquals(2, items.size());
        assertTrue(items.get(0).isParsed());
        assertFalse(items.get(1).isParsed());
    }

    @Test
    void csvWithAnUnterminatedQuoteKeepsTheRowsBeforeAndReportsTheRest() throws IOException {
        List<InputItem> items = read("q.csv",
                "recordId,type,attr.Name\nc1,Opportunity,ok\nc2,Opportunity,\"open\nc3,Opportunity,ok\n");

        assertEquals(2, items.size(), items.toString());
        assertEquals("c1", items.get(0).node().get("recordId").asText());
        assertEquals(ReasonCode.UNPARSABLE_CSV, items.get(1).parseError());
        assertTrue(items.get(1).parseMessage().contains("rest of the file"));
    }

    @Test
    void csvColumnOfNoDocumentedFormRefusesTheHeaderNamingIt() throws IOException {
        List<InputItem> typo = read("typo.csv",
                "recordId,type,atr.Name,attr.Amount\nr1,Opportunity,Q1,2000\nr2,Opportunity,Q2,3000\n");
        List<InputItem> emptyName = read("empty.csv", "recordId,type,attr.\nr1,Opportunity,x\n");

        assertEquals(1, typo.size(), "the rest of the file is one item");
        assertEquals(ReasonCode.UNKNOWN_COLUMN, typo.get(0).parseError());
        assertEquals("typo.csv#1", typo.get(0).source().ref());
        assertTrue(typo.get(0).parseMessage().contains("'atr.Name'"), typo.get(0).parseMessage());
        assertTrue(typo.get(0).parseMessage().contains("attr.<Name>"), typo.get(0).parseMessage());
        assertEquals(ReasonCode.UNKNOWN_COLUMN, emptyName.get(0).parseError());
    }

    @Test
    void csvColumnListedAsIgnoredIsCarriedAndEveryDocumentedFormIsAccepted() throws IOException {
        String header = "recordId,type,operation,id,externalKey.ExtOpptyId,attr.Name,cost.Month,tag.Type,"
                + "assoc.Company.id,assoc.Company.ExtCompId,crmBatch\n";
        String row = "r1,Opportunity,UPSERT,,OPP-1,n,,,,ACME,b-7\n";
        List<InputItem> refused = read("own.csv", header + row);
        List<InputItem> carried = new ArrayList<>();
        try (RecordReader reader = new CsvRecordReader(new java.io.StringReader(header + row), "own.csv",
                new IgnoredFields(List.of("crmBatch")))) {
            reader.forEachRemaining(carried::add);
        }

        assertEquals(ReasonCode.UNKNOWN_COLUMN, refused.get(0).parseError());
        assertTrue(refused.get(0).parseMessage().contains("'crmBatch'"), refused.get(0).parseMessage());
        assertEquals(1, carried.size());
        assertTrue(carried.get(0).isParsed(), () -> carried.get(0).parseMessage());
        assertEquals("b-7", carried.get(0).node().get("crmBatch").asText());
    }

    @Test
    void csvHeaderThatCannotBeUsedIsOneReportedItem() throws IOException {
        List<InputItem> duplicate = read("dup.csv", "recordId,type,type\nr1,Opportunity,Program\n");
        List<InputItem> blank = read("blank.csv", "recordId,,type\nr1,x,Opportunity\n");

        assertEquals(1, duplicate.size());
        assertEquals(ReasonCode.UNPARSABLE_CSV, duplicate.get(0).parseError());
        assertTrue(duplicate.get(0).parseMessage().contains("type"), duplicate.get(0).parseMessage());
        assertEquals(1, blank.size());
        assertEquals(ReasonCode.UNPARSABLE_CSV, blank.get(0).parseError());
    }

    @Test
    void csvOfBadBytesIsReportedAsInvalidEncoding() throws IOException {
        byte[] content = concat("recordId,type\nr1,Opportunity\nr2,".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xC3, (byte) 0x28}, "\n".getBytes(StandardCharsets.UTF_8));
        List<InputItem> items = new ArrayList<>();
        try (RecordReader reader = readers.open(new ByteArrayInputStream(content), "enc.csv")) {
            reader.forEachRemaining(items::add);
        }

        assertEquals(ReasonCode.INVALID_ENCODING, items.get(items.size() - 1).parseError(), items.toString());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void jsonSingleObjectYieldsOneItem() throws IOException {
        List<InputItem> items = read("c.json", "{\"recordId\":\"only\"}");

        assertEquals(1, items.size());
        assertEquals("only", items.get(0).node().get("recordId").asText());
    }

    @Test
    void brokenJsonArrayKeepsWhatWasReadAndReportsTheRest() throws IOException {
        List<InputItem> items = read("d.json", "[{\"recordId\":\"r1\"},\n{\"recordId\": oops}]");

        assertEquals(2, items.size());
        assertTrue(items.get(0).isParsed());
        assertEquals(ReasonCode.UNPARSABLE_JSON, items.get(1).parseError());
        assertTrue(items.get(1).parseMessage().contains("rest of the file"));
    }

    @Test
    void largeJsonArrayIsStreamedNotLoaded() throws IOException {
        int count = 50_000;
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream("[".getBytes(StandardCharsets.UTF_8)));
        IntStream.range(0, count).forEach(i -> parts.add(new ByteArrayInputStream(
                ((i == 0 ? "" : ",") + "{\"recordId\":\"r" + i + "\",\"type\":\"Opportunity\"}\n")
                        .getBytes(StandardCharsets.UTF_8))));
        parts.add(new ByteArrayInputStream("]".getBytes(StandardCharsets.UTF_8)));
        int seen = 0;
        try (RecordReader reader = readers.open(new SequenceInputStream(Collections.enumeration(parts)), "big.json")) {
            while (reader.hasNext()) {
                assertEquals("r" + seen, reader.next().node().get("recordId").asText());
                seen++;
            }
        }
        assertEquals(count, seen);
    }

    @Test
    void csvRowsFollowTheHeaderConvention() throws IOException {
        List<InputItem> items = read("e.csv", """
                recordId,type,operation,id,externalKey.ExtOpptyId,attr.Name,attr.Amount,cost.Month,cost.Amount,tag.Type,tag.Value,assoc.Company.ExtCompId,assoc.Lead.id
                o1,Opportunity,UPSERT,,OPP-1,"Deal, big",2000,,,,,ACME,
                p1,Program,UPDATE,1970,,,,2013-06,2000,Region,EMEA,,
                """);

        assertEquals(2, items.size());
        var opportunity = items.get(0).node();
        assertEquals("OPP-1", opportunity.at("/externalKey/value").asText());
        assertEquals("ExtOpptyId", opportunity.at("/externalKey/name").asText());
        assertEquals("Deal, big", opportunity.at("/attributes/Name").asText());
        assertEquals("ACME", opportunity.at("/associations/0/externalKey/value").asText());
        assertNull(opportunity.get("id"));
        assertEquals("e.csv#2", items.get(0).source().ref());
        var program = items.get(1).node();
        assertEquals("1970", program.get("id").asText());
        assertEquals("Cost", program.at("/typeAttributes/0/attrType").asText());
        assertEquals("2013-06", program.at("/typeAttributes/0/attributes/Month").asText());
        assertEquals("EMEA", program.at("/typeAttributes/1/attributes/Value").asText());

        RecordValidator validator = new RecordValidator("UPSERT", 4096);
        items.forEach(item -> assertTrue(validator.validate(item.node(), item.source()).valid(), item.toString()));
    }

    @Test
    void csvRowWithWrongCellCountIsRefusedAlone() throws IOException {
        List<InputItem> items = read("f.csv", "recordId,type,attr.Name\nr1,Opportunity\nr2,Opportunity,ok\n");

        assertEquals(2, items.size());
        assertEquals(ReasonCode.CSV_COLUMN_COUNT, items.get(0).parseError());
        assertTrue(items.get(1).isParsed());
    }

    private List<InputItem> readBytes(RecordReaders with, String fileName, byte[] content) throws IOException {
        List<InputItem> items = new ArrayList<>();
        try (RecordReader reader = with.open(new ByteArrayInputStream(content), fileName)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void aFileOfNothingButWhiteSpaceIsOneEmptyFileItem() throws IOException {
        for (String name : List.of("e.ndjson", "e.json", "e.csv")) {
            for (String content : List.of("", "\n\n  \r\n\t", "\uFEFF", "\uFEFF\n")) {
                List<InputItem> items = read(name, content);

                assertEquals(1, items.size(), name + " " + content.length());
                assertEquals(ReasonCode.EMPTY_FILE, items.get(0).parseError());
                assertEquals(name + "#1", items.get(0).source().ref());
            }
        }
    }

    @Test
    void anEmptyArrayOrAHeaderWithoutRowsHoldsNoRecordAndIsNoDefect() throws IOException {
        assertEquals(List.of(), read("none.json", "[]\n"));
        assertEquals(List.of(), read("none.csv", "recordId,type\n"));
    }

    @Test
    void aByteOrderMarkAtTheStartOfAnyFileIsSkipped() throws IOException {
        String record = "{\"recordId\":\"bom\",\"type\":\"Opportunity\"}";
        for (String[] file : List.of(new String[]{"b.ndjson", record}, new String[]{"b.json", "[" + record + "]"},
                new String[]{"b.csv", "recordId,type\nbom,Opportunity\n"})) {
            List<InputItem> items = read(file[0], "\uFEFF" + file[1]);

            assertEquals(1, items.size(), file[0]);
            assertTrue(items.get(0).isParsed(), items.get(0).toString());
            assertEquals("bom", items.get(0).node().get("recordId").asText(), file[0]);
        }
    }

    @Test
    void ndjsonLineLongerThanTheLimitIsRefusedAloneAndTheNextLineStillCounts() throws IOException {
        RecordReaders small = new RecordReaders(1000);
        String longLine = "{\"recordId\":\"" + "x".repeat(10_000) + "\"}";
        String exact = "{\"recordId\":\"" + "y".repeat(1000 - 15) + "\"}";
        assertEquals(1000, exact.length());

        List<InputItem> items = readBytes(small, "long.ndjson",
                (longLine + "\n" + exact + "\r\n{\"recordId\":\"after\"}").getBytes(StandardCharsets.UTF_8));

        assertEquals(3, items.size());
        assertEquals(ReasonCode.RECORD_TOO_LARGE, items.get(0).parseError());
        assertNull(items.get(0).unparsedText(), "a line too long is not kept");
        assertTrue(items.get(0).parseMessage().contains(String.valueOf(longLine.length())), items.get(0)
                .parseMessage());
        assertTrue(items.get(1).isParsed(), "a line of exactly the limit is read");
        assertEquals("after", items.get(2).node().get("recordId").asText());
        assertEquals("long.ndjson#3", items.get(2).source().ref());
    }

    @Test
    void ndjsonLineNestedHundredThousandDeepIsRefusedWithoutBlowingTheStack() throws IOException {
        List<InputItem> items = read("deep.ndjson", "[".repeat(100_000) + "]".repeat(100_000)
                + "\n{\"recordId\":\"ok\"}\n");

        assertEquals(2, items.size());
        assertEquals(ReasonCode.NESTING_TOO_DEEP, items.get(0).parseError());
        assertTrue(items.get(1).isParsed());
    }

    @Test
    void ndjsonLineWithADuplicateFieldIsRefused() throws IOException {
        List<InputItem> items = read("dup.ndjson", "{\"type\":\"Opportunity\",\"type\":\"Program\"}\n");

        assertEquals(ReasonCode.DUPLICATE_FIELD, items.get(0).parseError());
        assertTrue(items.get(0).parseMessage().contains("type"), items.get(0).parseMessage());
    }

    @Test
    void ndjsonLineWithANulByteIsRefusedWithItsOwnCode() throws IOException {
        List<InputItem> nul = read("nul.ndjson", "{\"type\":\"Oppor\0tunity\"}\n");
        List<InputItem> utf16 = readBytes(readers, "utf16.ndjson",
                "{\"type\":\"Opportunity\"}".getBytes(StandardCharsets.UTF_16LE));

        assertEquals(ReasonCode.NUL_BYTE, nul.get(0).parseError());
        assertEquals(ReasonCode.NUL_BYTE, utf16.get(0).parseError());
    }

    @Test
    void jsonArrayElementWithADuplicateFieldIsRefusedAloneAndTheNextElementsAreRead() throws IOException {
        List<InputItem> items = read("dup.json", """
                [{"recordId":"a"},
                 {"recordId":"b","attributes":{"Name":"x","Name":"y","Deep":[{"k":1}]},"more":[1,2]},
                 {"recordId":"c"}]
                """);

        assertEquals(3, items.size(), items.toString());
        assertEquals(ReasonCode.DUPLICATE_FIELD, items.get(1).parseError());
        assertEquals("dup.json#2[1]", items.get(1).source().ref());
        assertEquals("c", items.get(2).node().get("recordId").asText());
        assertEquals("dup.json#3[2]", items.get(2).source().ref());
    }

    @Test
    void jsonFileNestedTooDeepIsReportedWithItsOwnCode() throws IOException {
        List<InputItem> items = read("deep.json", "[{\"recordId\":\"a\"}," + "[".repeat(100_000) + "]".repeat(100_000)
                + "]");

        assertEquals(2, items.size());
        assertTrue(items.get(0).isParsed());
        assertEquals(ReasonCode.NESTING_TOO_DEEP, items.get(1).parseError());
    }

    @Test
    void csvRowWithANulByteIsRefusedAlone() throws IOException {
        List<InputItem> items = read("nul.csv", "recordId,type\nr1,Oppor\0tunity\nr2,Opportunity\n");

        assertEquals(2, items.size());
        assertEquals(ReasonCode.NUL_BYTE, items.get(0).parseError());
        assertEquals("nul.csv#2", items.get(0).source().ref());
        assertTrue(items.get(1).isParsed());
    }
}
