package dev.mobjectsync.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.model.TypeAttribute;

/**
 * Turns one parsed JSON value into a {@link SyncRecord}, or into the list of its defects. Plain Java:
 * no Camel, no CDI, so every rule is covered by plain unit tests.
 */
public class RecordValidator {

    public static final Set<String> TYPES = Set.of("Program", "Opportunity", "OpportunityPersonRole");
    public static final Set<String> OPERATIONS = Set.of("INSERT", "UPDATE", "UPSERT");
    /** At most this many entries in one attributes object, in typeAttributes, in associations. */
    public static final int MAX_ENTRIES = 1000;
    /** The format's own top-level fields (README, "Records"). */
    public static final Set<String> RECORD_FIELDS = Set.of("recordId", "type", "operation", "id", "externalKey",
            "attributes", "typeAttributes", "associations");

    private final String defaultOperation;
    private final FieldReader fields;
    private final IgnoredFields ignored;

    public RecordValidator(String defaultOperation, int maxFieldLength) {
        this(defaultOperation, maxFieldLength, IgnoredFields.channelFieldsOnly());
    }

    public RecordValidator(String defaultOperation, int maxFieldLength, IgnoredFields ignored) {
        this.defaultOperation = defaultOperation;
        this.fields = new FieldReader(maxFieldLength);
        this.ignored = ignored;
    }

    /** The outcome of validating one item: a record, or its defects with the record as far as known. */
    public record Result(SyncRecord record, List<Defect> defects, String recordJson) {
        public boolean valid() {
            return defects.isEmpty();
        }
    }

    public Result validate(JsonNode node, SourceRef source) {
        if (!node.isObject()) {
            return new Result(null, List.of(new Defect(ReasonCode.NOT_AN_OBJECT,
                    "expected a JSON object, got " + node.getNodeType().name().toLowerCase())), null);
        }
        ObjectNode input = (ObjectNode) node;
        List<Defect> defects = new ArrayList<>();
        String recordId = recordId(input, source, defects);
        String json = input.toString();
        checkTopLevelFields(input, defects);
        String type = type(input, defects);
        String operation = operation(input, defects);
        Integer id = fields.integer(input.get("id"), "id", defects);
        KeyValue externalKey = fields.keyValue(input.get("externalKey"), "externalKey", defects);
        Map<String, String> attributes = fields.attributes(input.get("attributes"), "attributes", defects);
        List<TypeAttribute> typeAttributes = fields.typeAttributes(input.get("typeAttributes"), defects);
        List<Association> associations = fields.associations(input.get("associations"), defects);

        if (defects.isEmpty()) {
            RecordRules.check(type, operation, id, externalKey, attributes, typeAttributes, associations, defects);
        }
        if (!defects.isEmpty()) {
            return new Result(null, defects, json);
        }
        return new Result(new SyncRecord(recordId, type, operation, id, externalKey, attributes, typeAttributes,
                associations, json, source), List.of(), json);
    }

    private String recordId(ObjectNode input, SourceRef source, List<Defect> defects) {
        JsonNode node = input.get("recordId");
        if (node == null || node.isNull()) {
            input.put("recordId", source.ref());
            return source.ref();
        }
        return fields.scalar(node, "recordId", defects);
    }

    private String type(ObjectNode input, List<Defect> defects) {
        JsonNode node = input.get("type");
        if (node == null || node.isNull()) {
            defects.add(new Defect(ReasonCode.MISSING_TYPE, "type is missing"));
            return null;
        }
        String type = fields.string(node, "type", defects);
        if (type != null && !TYPES.contains(type)) {
            defects.add(new Defect(ReasonCode.UNKNOWN_TYPE,
                    "type '" + type + "' is not Program, Opportunity or OpportunityPersonRole"));
        }
        return type;
    }

    private String operation(ObjectNode input, List<Defect> defects) {
        JsonNode node = input.get("operation");
        if (node == null || node.isNull()) {
            return defaultOperation;
        }
        String operation = fields.string(node, "operation", defects);
        if (operation != null && !OPERATIONS.contains(operation)) {
            defects.add(new Defect(ReasonCode.UNKNOWN_OPERATION,
                    "operation '" + operation + "' is not INSERT, UPDATE or UPSERT"));
        }
        return operation;
    }

    /**
     * A top-level field that is neither the format's own nor ignored (channel fields, configured ones) is a
     * mistake: sending the record without it would lose data silently.
     */
    private void checkTopLevelFields(ObjectNode input, List<Defect> defects) {
        for (var names = input.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!RECORD_FIELDS.contains(name) && !ignored.ignores(name)) {
                defects.add(new Defect(ReasonCode.UNKNOWN_FIELD, "unknown top-level field '" + FieldReader.abbreviate(
                        name)
                        + "' (a record has " + String.join(", ", RECORD_FIELDS.stream().sorted().toList())
                        + "; ignored: " + ignored.describe() + "; list your own in " + IgnoredFields.KEY + ")"));
                return;
            }
        }
    }
}
