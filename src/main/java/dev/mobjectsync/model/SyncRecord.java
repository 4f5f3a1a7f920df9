package dev.mobjectsync.model;

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

    /** The key Marketo identifies the object by in this call (id first), or null when Marketo will assign one. */
    public String marketoKey() {
        List<String> keys = marketoKeys();
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** Every key that names the object in this call: its id and its external key, when given. */
    public List<String> marketoKeys() {
        if (id != null && externalKey != null) {
            return List.of(idKey(), externalKeyKey());
        }
        if (id != null) {
            return List.of(idKey());
        }
        return externalKey != null ? List.of(externalKeyKey()) : List.of();
    }

    private String idKey() {
        return type + "#id=" + id;
    }

    private String externalKeyKey() {
        return type + "#" + externalKey.name() + "=" + externalKey.value();
    }

    /**
     * Records share a call only when they share operation, type and key kind: an object keyed by Marketo's own
     * id ({@link KeyValue#MARKETO_GUID}) never shares a call with objects keyed by an external key (a REST call
     * names one {@code dedupeBy} for all its objects).
     */
    public String batchKey() {
        return externalKey != null && externalKey.isMarketoGuid()
                ? operation + ":" + type + ":" + KeyValue.MARKETO_GUID
                : operation + ":" + type;
    }
}
