package dev.mobjectsync.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.TypeAttribute;

/**
 * Reads a record's JSON fields into their values (text, positive ids, external keys, name/value
 * attributes, type attributes, associations), adding a {@link Defect} for each field of the wrong shape,
 * too long, or carrying a character XML cannot: the shape of the format, not its rules ({@link RecordRules}).
 */
final class FieldReader {

    private static final int MAX_ENTRIES = RecordValidator.MAX_ENTRIES;
    private static final Set<String> EXTERNAL_KEY_FIELDS = Set.of("name", "value");
    private static final Set<String> ASSOCIATION_FIELDS = Set.of("type", "id", "externalKey");
    private static final Set<String> TYPE_ATTRIBUTE_FIELDS = Set.of("attrType", "attributes");

    private final int maxFieldLength;

    FieldReader(int maxFieldLength) {
        this.maxFieldLength = maxFieldLength;
    }

    List<TypeAttribute> typeAttributes(JsonNode node, List<Defect> defects) {
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

    List<Association> associations(JsonNode node, List<Defect> defects) {
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
    static void forEachObject(JsonNode node, String name, List<Defect> defects,
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

    Map<String, String> attributes(JsonNode node, String field, List<Defect> defects) {
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

    KeyValue keyValue(JsonNode node, String field, List<Defect> defects) {
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

    Integer integer(JsonNode node, String field, List<Defect> defects) {
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

    String scalar(JsonNode node, String field, List<Defect> defects) {
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
    String string(JsonNode node, String field, List<Defect> defects) {
        if (node != null && (node.isNumber() || node.isBoolean())) {
            defects.add(new Defect(ReasonCode.NOT_A_STRING, field + " must be a string, not " + node));
            return null;
        }
        return scalar(node, field, defects);
    }

    void checkText(String text, String field, List<Defect> defects) {
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

    /** Nested objects have a fixed set of fields: another one is a misplaced field, not an extension. */
    static void checkFields(JsonNode node, Set<String> known, String field, List<Defect> defects) {
        for (var names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                defects.add(new Defect(ReasonCode.UNKNOWN_FIELD, field + " has an unknown field '" + abbreviate(name)
                        + "' (it knows " + String.join(", ", known.stream().sorted().toList()) + ")"));
                return;
            }
        }
    }

    static Integer parsePositiveInt(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
