package dev.mobjectsync.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutates the bytes of a valid record at random (a seeded {@link Random}, so runs repeat): byte flips,
 * truncation, field deletion, type changes, invalid UTF-8, NUL bytes, duplicate keys, huge values, deep
 * nesting, many attributes, misplaced fields, escaped control characters and surrogates, a byte order mark.
 * The result is always one line (no line breaks) that is not blank and not a JSON array, so each
 * mutated record is exactly one item of an NDJSON file or a message.
 */
final class RecordMutator {

    enum Mutation {
        BYTE_FLIP,
        TRUNCATE,
        DELETE_FIELD,
        CHANGE_TYPE,
        INVALID_UTF8,
        NUL_BYTE,
        DUPLICATE_KEY,
        HUGE_VALUE,
        DEEP_NESTING,
        MANY_ATTRIBUTES,
        MISPLACED_FIELD,
        CONTROL_CHARACTER,
        LONE_SURROGATE,
        BYTE_ORDER_MARK,
        OTHER_OPERATION,
        OTHER_TYPE
    }

    private static final ObjectMapper LENIENT = new ObjectMapper();
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2,
                    (byte) 0x82},
            {(byte) 0xC0, (byte) 0xAF}};
    private static final String DEEP = "\"__deep__\"";

    private final Random random;

    RecordMutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of the record, then made a single non-blank, non-array line. */
    byte[] mutate(String record) {
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            bytes = apply(Mutation.values()[random.nextInt(Mutation.values().length)], bytes);
        }
        return oneLine(bytes);
    }

    private byte[] apply(Mutation mutation, byte[] bytes) {
        return switch (mutation) {
            case BYTE_FLIP -> {
                byte[] copy = bytes.clone();
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                yield copy;
            }
            case TRUNCATE -> Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length));
            case INVALID_UTF8 -> insert(bytes, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            case NUL_BYTE -> insert(bytes, new byte[]{0});
            case BYTE_ORDER_MARK -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            case DUPLICATE_KEY -> duplicateKey(bytes);
            case CONTROL_CHARACTER -> insertIntoString(bytes, random.nextBoolean() ? "\\u0000" : "\\u001b");
            case LONE_SURROGATE -> insertIntoString(bytes, random.nextBoolean() ? "\\ud800" : "\\udfff");
            default -> tree(mutation, bytes);
        };
    }

    /** Mutations of the JSON structure; on text that no longer parses, a byte flip instead. */
    private byte[] tree(Mutation mutation, byte[] bytes) {
        ObjectNode root;
        try {
            JsonNode node = LENIENT.readTree(bytes);
            if (!(node instanceof ObjectNode object)) {
                return apply(Mutation.BYTE_FLIP, bytes);
            }
            root = object;
        } catch (Exception e) {
            return apply(Mutation.BYTE_FLIP, bytes);
        }
        List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
        collectFields(root, fields);
        Map.Entry<ObjectNode, String> field = fields.isEmpty() ? Map.entry(root, "recordId")
                : fields.get(random.nextInt(fields.size()));
        switch (mutation) {
            case DELETE_FIELD -> field.getKey().remove(field.getValue());
            case CHANGE_TYPE -> field.getKey().set(field.getValue(), otherValue(field.getKey().get(field.getValue())));
            case HUGE_VALUE -> field.getKey().put(field.getValue(), "h".repeat(hugeLength()));
            case DEEP_NESTING -> field.getKey().put(field.getValue(), "__deep__");
            case MANY_ATTRIBUTES -> {
                ObjectNode attributes = root.putObject("attributes");
                int entries = 900 + random.nextInt(2200);
                for (int i = 0; i < entries; i++) {
                    attributes.put("F" + i, "v" + i);
                }
            }
            case MISPLACED_FIELD -> objectNodes(root).get(random.nextInt(objectNodes(root).size()))
                    .put(random.nextBoolean() ? "Month" : "Name", "2013-06");
            case OTHER_OPERATION -> root.put("operation", pick("INSERT", "UPDATE", "UPSERT", "DELETE", "", "upsert"));
            case OTHER_TYPE -> root.put("type", pick("Program", "Opportunity", "OpportunityPersonRole", "Lead", ""));
            default -> throw new IllegalArgumentException(mutation.name());
        }
        String text = root.toString();
        if (mutation == Mutation.DEEP_NESTING) {
            int depth = 20 + random.nextInt(random.nextBoolean() ? 200 : 20_000);
            text = text.replace(DEEP, "[".repeat(depth) + "]".repeat(depth));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Mostly a little above the default field limit, now and then hundreds of kilobytes. */
    private int hugeLength() {
        return random.nextInt(50) == 0 ? 100_000 + random.nextInt(800_000) : 4_000 + random.nextInt(8_000);
    }

    private JsonNode otherValue(JsonNode current) {
        return switch (random.nextInt(6)) {
            case 0 -> LENIENT.getNodeFactory().numberNode(random.nextInt(2) == 0 ? random.nextInt() : random
                    .nextLong());
            case 1 -> LENIENT.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> LENIENT.getNodeFactory().nullNode();
            case 3 -> LENIENT.createArrayNode().add(current == null ? "x" : current.toString());
            case 4 -> LENIENT.createObjectNode().put("value", "x");
            default -> LENIENT.getNodeFactory().textNode(current == null ? "" : current.asText() + "?");
        };
    }

    private static void collectFields(JsonNode node, List<Map.Entry<ObjectNode, String>> fields) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                fields.add(Map.entry(object, name));
                collectFields(object.get(name), fields);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectFields(element, fields));
        }
    }

    private static List<ObjectNode> objectNodes(JsonNode node) {
        List<ObjectNode> objects = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> objects.addAll(objectNodes(child)));
        return objects;
    }

    /** Adds a key that is already there (at the top level) once more, in front. */
    private byte[] duplicateKey(byte[] bytes) {
        String key = pick("recordId", "type", "operation", "attributes", "id");
        String value = switch (key) {
            case "type" -> "\"Program\"";
            case "attributes" -> "{}";
            case "id" -> "1970";
            default -> "\"UPSERT\"";
        };
        int brace = indexOf(bytes, (byte) '{');
        return brace < 0 ? bytes : insertAt(bytes, brace + 1, ("\"" + key + "\":" + value + ",").getBytes(
                StandardCharsets.UTF_8));
    }

    /** Inserts text just after the opening quote of a string value ({@code ":"}), if there is one. */
    private byte[] insertIntoString(byte[] bytes, String text) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == '"' && bytes[i + 1] == ':' && bytes[i + 2] == '"') {
                starts.add(i + 3);
            }
        }
        return starts.isEmpty() ? bytes
                : insertAt(bytes, starts.get(random.nextInt(starts.size())), text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] insert(byte[] bytes, byte[] what) {
        return insertAt(bytes, random.nextInt(bytes.length + 1), what);
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** No line breaks; not blank; not starting with {@code [} (an array would be several items or none). */
    static byte[] oneLine(byte[] bytes) {
        byte[] line = bytes.clone();
        int first = -1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                line[i] = ' ';
            }
            boolean skippable = line[i] == ' ' || line[i] == '\t' || (line[i] & 0xFF) == 0xEF || (line[i]
                    & 0xFF) == 0xBB
                    || (line[i] & 0xFF) == 0xBF;
            if (first < 0 && !skippable) {
                first = i;
            }
        }
        if (first >= 0 && line[first] == '[') {
            line[first] = '(';
        }
        return isBlankText(line) ? concat(line, "{".getBytes(StandardCharsets.UTF_8)) : line;
    }

    /** Blank the way a Java reader sees it: valid UTF-8 that is nothing but white space (and a BOM). */
    private static boolean isBlankText(byte[] line) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line)).toString();
            return text.replace("\uFEFF", "").isBlank();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] insertAt(byte[] bytes, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + what.length);
        out.write(bytes, 0, at);
        out.writeBytes(what);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return HostileCatalogue.concat(a, b);
    }
}
