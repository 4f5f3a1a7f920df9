package dev.mobjectsync.record;

import java.util.ArrayList;
import java.util.List;

import dev.mobjectsync.model.SourceRef;

/**
 * The items of one Kafka or JMS message body: one JSON record, or each element of a JSON array. A body
 * that is empty, too large, not UTF-8, holds a NUL byte or is not JSON becomes one unparsable item with
 * its own reason code, so it is dead-lettered and never blocks the partition or the queue.
 */
public final class MessageRecords {

    private final int maxBytes;

    public MessageRecords(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public List<InputItem> items(SourceRef source, byte[] body) {
        List<InputItem> items = new ArrayList<>();
        if (body == null || body.length == 0) {
            items.add(InputItem.unparsable(source, "", ReasonCode.EMPTY_MESSAGE, "the message has no body"));
            return items;
        }
        if (body.length > maxBytes) {
            items.add(InputItem.unparsable(source, null, ReasonCode.RECORD_TOO_LARGE,
                    "the message has " + body.length + " bytes, more than " + maxBytes));
            return items;
        }
        if (!JsonText.parse(source, body, "the message", items::add)) {
            items.add(InputItem.unparsable(source, "", ReasonCode.EMPTY_MESSAGE,
                    "the message holds nothing but white space"));
        }
        return items;
    }
}
