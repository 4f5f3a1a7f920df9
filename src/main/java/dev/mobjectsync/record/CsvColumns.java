package dev.mobjectsync.record;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mobjectsync.model.Json;

/**
 * The CSV header convention (README, "CSV files"): {@code recordId}, {@code type}, {@code operation},
 * {@code id}; {@code externalKey.<Name>}; {@code attr.<Name>}; {@code cost.<Name>} and {@code tag.<Name>}
 * (one Cost and one Tag per row); {@code assoc.<Type>.id} or {@code assoc.<Type>.<KeyName>}.
 * Empty cells are left out. A column of none of these forms (a typo such as {@code atr.Name}) refuses the
 * header ({@link UnknownColumnException}), unless it is one of the {@link IgnoredFields}: then it is carried
 * as a top-level field, which validation ignores.
 */
final class CsvColumns {

    static final Set<String> PLAIN = Set.of("recordId", "type", "operation", "id");
    static final String FORMS = "recordId, type, operation, id, externalKey.<Name>, attr.<Name>, cost.<Name>, tag.<Name>,"
            + " assoc.<Type>.id, assoc.<Type>.<KeyName>";

    /** A header column that matches none of the documented forms. */
    static final class UnknownColumnException extends IllegalArgumentException {
        UnknownColumnException(String message) {
            super(message);
        }
    }

    private final List<String> names;

    CsvColumns(List<String> header, IgnoredFields ignored) {
        this.names = header.stream().map(name -> name.startsWith("\uFEFF") ? name.substring(1) : name).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw new IllegalArgumentException("column " + (i + 1) + " has no name");
            }
            if (!seen.add(names.get(i))) {
                throw new IllegalArgumentException("column '" + names.get(i) + "' appears twice");
            }
            if (!documented(names.get(i)) && !ignored.ignores(names.get(i))) {
                throw new UnknownColumnException("column " + (i + 1) + " '" + names.get(i)
                        + "' matches none of the documented forms (" + FORMS
                        + "); to carry a column of your own, list it in "
                        + IgnoredFields.KEY);
            }
        }
    }

    private static boolean documented(String column) {
        if (PLAIN.contains(column)) {
            return true;
        }
        int dot = column.indexOf('.');
        String prefix = dot < 0 ? column : column.substring(0, dot);
        String rest = dot < 0 ? "" : column.substring(dot + 1);
        return switch (prefix) {
            case "externalKey", "attr", "cost", "tag" -> !rest.isBlank();
            case "assoc" -> rest.indexOf('.') > 0 && !rest.endsWith(".");
            default -> false;
        };
    }

    int size() {
        return names.size();
    }

    ObjectNode toRecord(CSVRecord row) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
            String value = row.get(i);
            if (!value.isEmpty()) {
                put(record, names.get(i), value);
            }
        }
        return record;
    }

    private static void put(ObjectNode record, String column, String value) {
        int dot = column.indexOf('.');
        String prefix = dot < 0 ? column : column.substring(0, dot);
        String rest = dot < 0 ? "" : column.substring(dot + 1);
        switch (prefix) {
            case "externalKey" -> record.putObject("externalKey").put("name", rest).put("value", value);
            case "attr" -> record.with("attributes").put(rest, value);
            case "cost" -> typeAttribute(record, "Cost").put(rest, value);
            case "tag" -> typeAttribute(record, "Tag").put(rest, value);
            case "assoc" -> association(record, rest, value);
            default -> record.put(column, value);
        }
    }

    private static ObjectNode typeAttribute(ObjectNode record, String attrType) {
        ArrayNode list = record.withArray("typeAttributes");
        for (var entry : list) {
            if (attrType.equals(entry.path("attrType").asText())) {
                return (ObjectNode) entry.get("attributes");
            }
        }
        ObjectNode entry = list.addObject().put("attrType", attrType);
        return entry.putObject("attributes");
    }

    private static void association(ObjectNode record, String typeAndKey, String value) {
        int dot = typeAndKey.indexOf('.');
        String type = dot < 0 ? typeAndKey : typeAndKey.substring(0, dot);
        String key = dot < 0 ? "id" : typeAndKey.substring(dot + 1);
        ObjectNode association = record.withArray("associations").addObject().put("type", type);
        if ("id".equals(key)) {
            association.put("id", value);
        } else {
            association.putObject("externalKey").put("name", key).put("value", value);
        }
    }
}
