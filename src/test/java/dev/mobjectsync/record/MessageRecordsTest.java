package dev.mobjectsync.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.SourceRef;

class MessageRecordsTest {

    private final MessageRecords records = new MessageRecords(1000);
    private final SourceRef source = new SourceRef("kafka", "crm-records-0@7");

    private List<InputItem> items(String text) {
        return records.items(source, text.getBytes(StandardCharsets.UTF_8));
    }

    private ReasonCode onlyCode(List<InputItem> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0).parseError();
    }

    @Test
    void anAbsentEmptyOrBlankBodyIsAnEmptyMessage() {
        assertEquals(ReasonCode.EMPTY_MESSAGE, onlyCode(records.items(source, null)));
        assertEquals(ReasonCode.EMPTY_MESSAGE, onlyCode(records.items(source, new byte[0])));
        assertEquals(ReasonCode.EMPTY_MESSAGE, onlyCode(items(" \n\t ")));
        assertEquals(ReasonCode.EMPTY_MESSAGE, onlyCode(items("\uFEFF")));
    }

    @Test
    void eachKindOfBadBodyHasItsOwnCode() {
        assertEquals(ReasonCode.RECORD_TOO_LARGE, onlyCode(items("{\"a\":\"" + "x".repeat(1000) + "\"}")));
        assertEquals(ReasonCode.INVALID_ENCODING, onlyCode(records.items(source, new byte[]{'{', (byte) 0xC3, '}'})));
        assertEquals(ReasonCode.NUL_BYTE, onlyCode(items("{\"a\":1}\0")));
        assertEquals(ReasonCode.UNPARSABLE_JSON, onlyCode(items("{\"a\":")));
        assertEquals(ReasonCode.NESTING_TOO_DEEP, onlyCode(items("[".repeat(400) + "]".repeat(400))));
        assertEquals(ReasonCode.DUPLICATE_FIELD, onlyCode(items("{\"a\":1,\"a\":2}")));
    }

    @Test
    void aByteOrderMarkIsSkippedAndAnArrayYieldsItsElements() {
        List<InputItem> items = items("\uFEFF[{\"recordId\":\"a\"},{\"recordId\":\"b\"}]");

        assertEquals(2, items.size());
        assertTrue(items.stream().allMatch(InputItem::isParsed));
        assertEquals("crm-records-0@7[1]", items.get(1).source().ref());
    }
}
