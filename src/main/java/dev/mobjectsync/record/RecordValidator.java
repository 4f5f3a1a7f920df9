package dev.mobjectsync.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.TypeAttribute;

/**
 * Turns one parsed JSON value into a {@link SyncRecord}, or into the list of its defects. Plain Java:
 * no Camel, no CDI, so every rule is covered by plain unit tests.
 */
public class RecordValidator {

    public static final Set<String> TYPES = Set.of("Program", "Opportunity", "OpportunityPersonRole");
    public static final Set<String> OPERATIONS = Set.of("INSERT", "UPDATE", "UPSERT");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    /** At most this many entries in one attributes object, in typeAttributes, in associations. */
    public static final int MAX_ENTRIES = 1000;
    private static final Set<String> EXTERNAL_KEY_FIELDS = Set.of("name", "value");
    private static final Set<String> ASSOCIATION_FIELDS = Set.of("type", "id", "externalKey");
    private static final Set<String> TYPE_ATTRIBUTE_FIELDS = Set.of("attrType", "attributes");
    /** The format's own top-level fields (README, "Records"). */
    public static final Set<String> RECORD_FIELDS = Set.of("recordId", "type", "operation", "id", "externalKey",
            "attributes", "typeAttributes", "associations");

    private final String defaultOperation;
    private final int maxFieldLength;
    private final IgnoredFields ignored;

    public RecordValidator(String defaultOperation, int maxFieldLength) {
        this(defaultOperation, maxFieldLength, IgnoredFields.channelFieldsOnly());
    }

    public RecordValidator(String defaultOperation, int maxFieldLength, IgnoredFields ignored) {
        this.defaultOperation = defaultOperation;
        this.maxFieldLength = maxFieldLength;
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
        Integer id = integer(input.get("id"), "id", defects);
        KeyValue externalKey = keyValue(input.get("externalKey"), "externalKey", defects);
        Map<String, String> attributes = attributes(input.get("attributes"), "attributes", defects);
        List<TypeAttribute> typeAttributes = typeAttributes(input.get("typeAttributes"), defects);
        List<Association> associations = associations(input.get("associations"), defects);

        if (defects.isEmpty()) {
            checkSemantics(type, operation, id, externalKey, attributes, typeAttributes, associations, defects);
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
        return scalar(node, "recordId", defects);
    }

    private String type(ObjectNode input, List<Defect> defects) {
        JsonNode node = input.get("type");
        if (node == null || node.isNull()) {
            defects.add(new Defect(ReasonCode.MISSING_TYPE, "type is missing"));
            return null;
        }
        String type = string(node, "type", defects);
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
        String operation = string(node, "operation", defects);
        if (operation != null && !OPERATIONS.contains(operation)) {
            defects.add(new Defect(ReasonCode.UNKNOWN_OPERATION,
                    "operation '" + operation + "' is not INSERT, UPDATE or UPSERT"));
        }
        return operation;
    }

    private void checkSemantics(String type, String operation, Integer id, KeyValue externalKey,
            Map<String, String> attributes, List<TypeAttribute> typeAttributes, List<Association> associations,
            List<Defect> defects) {
        boolean program = "Program".equals(type);
        if (program && !"UPDATE".equals(operation)) {
            defects.add(new Defect(ReasonCode.PROGRAM_REQUIRES_UPDATE,
                    "a Program can only be synced with operation UPDATE, not " + operation));
        }
        if (program && id == null) {
            defects.add(new Defect(ReasonCode.MISSING_KEY, "a Program is updated by its id, and id is missing"));
        } else if ("UPDATE".equals(operation) && id == null && externalKey == null) {
            defects.add(new Defect(ReasonCode.MISSING_KEY, "UPDATE needs an id or an externalKey"));
        }
        if (!program && !typeAttributes.isEmpty()) {
            defects.add(new Defect(ReasonCode.UNEXPECTED_TYPE_ATTRIBUTES,
                    "typeAttributes are only for Program, not " + type));
        }
        for (TypeAttribute typeAttribute : typeAttributes) {
            checkTypeAttribute(typeAttribute, defects);
        }
        if ("Opportunity".equals(type)) {
            checkAmount(attributes.get("Amount"), "attributes.Amount", defects);
            checkName(operation, attributes.get("Name"), defects);
        }
        if ("OpportunityPersonRole".equals(type)) {
            requireLink(attributes, associations, "OpportunityId", "Opportunity", defects);
            requireLink(attributes, associations, "PersonId", "Lead", defects);
        }
    }

    private static void checkTypeAttribute(TypeAttribute typeAttribute, List<Defect> defects) {
        Map<String, String> values = typeAttribute.attributes();
        String prefix = typeAttribute.attrType() + ".";
        if ("Cost".equals(typeAttribute.attrType())) {
            require(values, "Month", prefix, defects);
            require(values, "Amount", prefix, defects);
            String month = values.get("Month");
            if (month != null && !month.isEmpty() && !MONTH.matcher(month).matches()) {
                defects.add(new Defect(ReasonCode.BAD_MONTH, "Cost.Month '" + month + "' is not yyyy-MM"));
            }
            checkAmount(values.get("Amount"), "Cost.Amount", defects);
            String costId = values.get("Id");
            if (costId != null && parsePositiveInt(costId) == null) {
                defects.add(new Defect(ReasonCode.BAD_ID, "Cost.Id '" + costId + "' is not a positive integer"));
            }
        } else {
            require(values, "Type", prefix, defects);
            require(values, "Value", prefix, defects);
        }
    }

    private static void require(Map<String, String> values, String name, String prefix, List<Defect> defects) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            defects.add(new Defect(ReasonCode.MISSING_ATTRIBUTE, prefix + name + " is required"));
        }
    }

    private static void requireLink(Map<String, String> attributes, List<Association> associations, String attribute,
            String associationType, List<Defect> defects) {
        String value = attributes.get(attribute);
        boolean associated = associations.stream().anyMatch(a -> associationType.equals(a.type()));
        if ((value == null || value.isBlank()) && !associated) {
            defects.add(new Defect(ReasonCode.MISSING_ATTRIBUTE, "attributes." + attribute
                    + " is required (or an association of type " + associationType + ")"));
        }
    }

    /**
     * Marketo: "The 'name' field must not be null" (REST opportunities page; null and "" are both written
     * as null). An INSERT always creates, so it needs a Name; an UPSERT may update an existing
     * Opportunity, which has one already, so only Marketo can tell, and it is sent.
     */
    private static void checkName(String operation, String name, List<Defect> defects) {
        if ("INSERT".equals(operation) && (name == null || name.isBlank())) {
            defects.add(new Defect(ReasonCode.MISSING_NAME, "attributes.Name is required to create an Opportunity"
                    + " (Marketo: the name field must not be null)"));
        }
    }

    private static void checkAmount(String amount, String field, List<Defect> defects) {
        if (amount == null || amount.isEmpty()) {
            return;
        }
        try {
            new BigDecimal(amount);
        } catch (NumberFormatException e) {
            defects.add(new Defect(ReasonCode.BAD_AMOUNT, field + " '" + amount + "' is not a decimal number"));
        }
    }

    private List<TypeAttribute> typeAttributes(JsonNode node, List<Defect> defects) {
        List<TypeAttribute> result = new ArrayList<>();
        forEachObject(node, "typeAttributes", defects, (entry, field) -> {
            checkFields(entry, TYPE_ATTRIBUTE_FIELDS, field, defects);
            String attrType = string(entry.get("attrType"), field + ".attrType", defects);
            if (attrType == null || attrType.isBlank()) {
                defects.add(new Defect(ReasonCode.MISSING_ATTRIBUTE, field + ".attrType is required (Cost or Tag)"));
            } else if (!attrType.equals("Cost") && !attrType.equals("Tag")) {
                defects.add(new Defect(ReasonCode.UNKNOWN_TYPE_ATTRIBUTE,
                        field + ".attrType '" + attrType + "' is not Cost or Tag"));
            }
            Map<String, String> values = attributes(entry.get("attributes"), field + ".attributes", defects);
            result.add(new TypeAttribute(attrType, values));
        });
        return result;
    }

    private List<Association> associations(JsonNode node, List<Defect> defects) {
        List<Association> result = new ArrayList<>();
        forEachObject(node, "associations", defects, (entry, field) -> {
            checkFields(entry, ASSOCIATION_FIELDS, field, defects);
            String type = string(entry.get("type"), field + ".type", defects);
            Integer id = integer(entry.get("id"), field + ".id", defects);
            KeyValue key = keyValue(entry.get("externalKey"), field + ".externalKey", defects);
            if (type == null || type.isBlank() || (id == null && key == null)) {
                defects.add(new Defect(ReasonCode.BAD_ASSOCIATION,
                        field + " needs a type and an id or an externalKey"));
            }
            result.add(new Association(type, id, key));
        });
        return result;
    }

    /** Calls {@code each} for every object of an optional array field; anything else is a shape defect. */
    private static void forEachObject(JsonNode node, String name, List<Defect> defects,
            BiConsumer<JsonNode, String> each) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            defects.add(new Defect(ReasonCode.WRONG_SHAPE, name + " must be an array"));
            return;
        }
        if (node.size() > MAX_ENTRIES) {
            defects.add(new Defect(ReasonCode.TOO_MANY_ATTRIBUTES,
                    name + " has " + node.size() + " entries, more than " + MAX_ENTRIES));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            String field = name + "[" + i + "]";
            if (node.get(i).isObject()) {
                each.accept(node.get(i), field);
            } else {
                defects.add(new Defect(ReasonCode.WRONG_SHAPE, field + " must be an object"));
            }
        }
    }

    private Map<String, String> attributes(JsonNode node, String field, List<Defect> defects) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            defects.add(new Defect(ReasonCode.WRONG_SHAPE, field + " must be an object of name/value pairs"));
            return result;
        }
        if (node.size() > MAX_ENTRIES) {
            defects.add(new Defect(ReasonCode.TOO_MANY_ATTRIBUTES,
                    field + " has " + node.size() + " entries, more than " + MAX_ENTRIES));
            return result;
        }
        node.properties().forEach(entry -> {
            String name = entry.getKey();
            checkText(name, field + " name", defects);
            JsonNode value = entry.getValue();
            if (!value.isNull()) {
                result.put(name, scalar(value, field + "." + name, defects));
            }
        });
        return result;
    }

    private KeyValue keyValue(JsonNode node, String field, List<Defect> defects) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            defects.add(new Defect(ReasonCode.BAD_EXTERNAL_KEY, field + " must be an object {name, value}"));
            return null;
        }
        checkFields(node, EXTERNAL_KEY_FIELDS, field, defects);
        JsonNode name = node.get("name");
        JsonNode value = node.get("value");
        if (name == null || value == null || !name.isValueNode() || !value.isValueNode() || name.asText().isBlank()
                || value.asText().isBlank()) {
            defects.add(new Defect(ReasonCode.BAD_EXTERNAL_KEY, field + " needs a non-empty name and value"));
            return null;
        }
        return new KeyValue(scalar(name, field + ".name", defects), scalar(value, field + ".value", defects));
    }

    private Integer integer(JsonNode node, String field, List<Defect> defects) {
        if (node == null || node.isNull()) {
            return null;
        }
        Integer value = node.isIntegralNumber() && node.canConvertToInt() ? Integer.valueOf(node.intValue())
                : node.isTextual() ? parsePositiveInt(node.textValue()) : null;
        if (value == null || value <= 0) {
            defects.add(new Defect(ReasonCode.BAD_ID, field + " " + abbreviate(node.toString())
                    + " is not a positive 32-bit integer"));
            return null;
        }
        return value;
    }

    private String scalar(JsonNode node, String field, List<Defect> defects) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            defects.add(new Defect(ReasonCode.WRONG_SHAPE, field + " must be a string, number or boolean"));
            return null;
        }
        String text = node.asText();
        checkText(text, field, defects);
        return text;
    }

    /** A field that only a JSON string can fill: a number or a boolean there is a mistake, not a value. */
    private String string(JsonNode node, String field, List<Defect> defects) {
        if (node != null && (node.isNumber() || node.isBoolean())) {
            defects.add(new Defect(ReasonCode.NOT_A_STRING, field + " must be a string, not " + node));
            return null;
        }
        return scalar(node, field, defects);
    }

    private void checkText(String text, String field, List<Defect> defects) {
        if (text.length() > maxFieldLength) {
            defects.add(new Defect(ReasonCode.FIELD_TOO_LONG,
                    field + " has " + text.length() + " characters, more than " + maxFieldLength));
            return;
        }
        int at = XmlCharacters.firstUnsupported(text);
        if (at >= 0) {
            defects.add(new Defect(ReasonCode.UNSUPPORTED_CHARACTER, String.format(
                    "%s holds U+%04X at character %d, which XML (and so Marketo) cannot carry", field,
                    (int) text.charAt(at), at + 1)));
        }
    }

    /**
     * A top-level field that is neither the format's own nor ignored (channel fields, configured ones) is a
     * mistake: sending the record without it would lose data silently.
     */
    private void checkTopLevelFields(ObjectNode input, List<Defect> defects) {
        for (var names = input.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!RECORD_FIELDS.contains(name) && !ignored.ignores(name)) {
                defects.add(new Defect(ReasonCode.UNKNOWN_FIELD, "unknown top-level field '" + abbreviate(name)
                        + "' (a record has " + String.join(", ", RECORD_FIELDS.stream().sorted().toList())
                        + "; ignored: " + ignored.describe() + "; list your own in " + IgnoredFields.KEY + ")"));
                return;
            }
        }
    }

    /** Nested objects have a fixed set of fields: another one is a misplaced field, not an extension. */
    private static void checkFields(JsonNode node, Set<String> known, String field, List<Defect> defects) {
        for (var names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                defects.add(new Defect(ReasonCode.UNKNOWN_FIELD, field + " has an unknown field '" + abbreviate(name)
                        + "' (it knows " + String.join(", ", known.stream().sorted().toList()) + ")"));
                return;
            }
        }
    }

    private static Integer parsePositiveInt(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
