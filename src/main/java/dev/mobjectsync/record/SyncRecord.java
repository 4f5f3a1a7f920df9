package dev.mobjectsync.record;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One valid input record, ready to batch. {@code json} is the record as it came in (with the
 * {@code recordId} the source assigned when it had none), so that the channels can echo it unchanged.
 */
public record SyncRecord(
        String recordId,
        String type,
        String operation,
        Integer id,
        KeyValue externalKey,
        Map<String, String> attributes,
        List<TypeAttribute> typeAttributes,
        List<Association> associations,
        String json,
        SourceRef source) implements Serializable {

    /** The key Marketo identifies the object by in this call, or null when Marketo will assign one. */
    public String marketoKey() {
        if (id != null) {
            return type + "#id=" + id;
        }
        if (externalKey != null) {
            return type + "#" + externalKey.name() + "=" + externalKey.value();
        }
        return null;
    }

    /** Records share a syncMObjects call only when they share operation and type. */
    public String batchKey() {
        return operation + ":" + type;
    }
}
