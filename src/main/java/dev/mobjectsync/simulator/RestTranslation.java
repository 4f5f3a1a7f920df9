package dev.mobjectsync.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.ArrayOfMObjAssociation;
import com.marketo.mktows.ArrayOfTypeAttrib;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObject;
import com.marketo.mktows.SyncOperationEnum;
import com.marketo.mktows.TypeAttrib;

/**
 * The REST side of the simulator speaks to the same {@link SimulatorState} as the SOAP side: REST
 * records become MObjects (REST field names back to the SOAP names, {@code externalOpportunityId} the
 * external key {@code ExtOpptyId}, {@code marketoGUID} the object's id), and the state's statuses become
 * REST results ({@code created}, {@code updated}, {@code skipped} with reasons). Marketo's integer ids
 * show through REST only as GUIDs, {@code 00000000-0000-4000-8000-<id, 12 digits>}. Plain Java.
 */
final class RestTranslation {

    /** The SOAP external key an {@code externalOpportunityId} is kept under. */
    static final String EXTERNAL_KEY = "ExtOpptyId";
    private static final Pattern GUID = Pattern.compile("00000000-0000-4000-8000-(\\d{12})");

    /** A record of a REST call that is skipped before it reaches the state. */
    static final class Skip extends RuntimeException {
        final String code;

        Skip(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private RestTranslation() {
    }

    static String guid(int id) {
        return String.format("00000000-0000-4000-8000-%012d", id);
    }

    static Integer idOf(String guid) {
        Matcher m = guid == null ? null : GUID.matcher(guid);
        return m != null && m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    static SyncOperationEnum operation(String action) {
        return switch (action == null ? "createOrUpdate" : action) {
            case "createOnly" -> SyncOperationEnum.INSERT;
            case "updateOnly" -> SyncOperationEnum.UPDATE;
            case "createOrUpdate" -> SyncOperationEnum.UPSERT;
            default -> null;
        };
    }

    static MObject opportunity(JsonNode input, SyncOperationEnum operation, boolean byIdField) {
        MObject object = new MObject();
        object.setType("Opportunity");
        Map<String, String> attributes = new LinkedHashMap<>();
        String external = text(input.get(RestFields.EXTERNAL_OPPORTUNITY_ID));
        String guid = text(input.get(RestFields.MARKETO_GUID));
        if (byIdField) {
            Integer id = idOf(guid);
            if (id == null) {
                throw new Skip("1013", "Object not found: no opportunity with marketoGUID " + guid);
            }
            object.setId(id);
        } else if (external == null) {
            throw new Skip("1003", "externalOpportunityId is required" + (operation == SyncOperationEnum.UPDATE
                    ? " (or dedupeBy idField with marketoGUID)" : ""));
        }
        if (external != null) {
            object.setExternalKey(attrib(EXTERNAL_KEY, external));
        }
        input.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case RestFields.EXTERNAL_OPPORTUNITY_ID, RestFields.MARKETO_GUID -> {
                }
                case RestFields.EXTERNAL_COMPANY_ID -> object.setAssociationList(
                        association("Company", attrib("ExtCompId", text(field.getValue()))));
                default -> attributes.put(RestFields.soap("Opportunity", field.getKey()), text(field.getValue()));
            }
        });
        object.setAttribList(attribs(attributes));
        return object;
    }

    static MObject role(JsonNode input) {
        String opportunity = text(input.get(RestFields.EXTERNAL_OPPORTUNITY_ID));
        String lead = text(input.get(RestFields.LEAD_ID));
        String role = text(input.get(RestFields.ROLE));
        if (opportunity == null || lead == null || role == null) {
            throw new Skip("1003", "externalOpportunityId, leadId and role are required");
        }
        MObject object = new MObject();
        object.setType("OpportunityPersonRole");
        object.setAssociationList(association("Opportunity", attrib(EXTERNAL_KEY, opportunity)));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("PersonId", lead);
        attributes.put("Role", role);
        input.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case RestFields.EXTERNAL_OPPORTUNITY_ID, RestFields.LEAD_ID, RestFields.ROLE -> {
                }
                default -> attributes.put(RestFields.soap("OpportunityPersonRole", field.getKey()),
                        text(field.getValue()));
            }
        });
        object.setAttribList(attribs(attributes));
        return object;
    }

    /** The result of one record: the state's status in REST's words. */
    static ObjectNode result(int seq, MObjStatus status, SyncOperationEnum operation) {
        ObjectNode result = SimulatorJson.MAPPER.createObjectNode().put("seq", seq);
        switch (status.getStatus()) {
            case CREATED -> result.put("status", "created").put("marketoGUID", guid(status.getId()));
            case UPDATED, UNCHANGED -> result.put("status", "updated").put("marketoGUID", guid(status.getId()));
            default -> {
                String error = String.valueOf(status.getError());
                if (SimulatorState.NAME_REQUIRED.equals(error)) {
                    // Marketo's record-level code for a required value left out (error-codes.md, 1002)
                    return skipped(result, "1002", "Missing value for the required parameter 'name'");
                }
                String code = error.startsWith("Unknown attribute") ? "1006"
                        : error.contains("not found") || error.contains("does not exist") ? "1013"
                        : error.contains("already exists") ? "1017" : "1003";
                skipped(result, code, error);
            }
        }
        return result;
    }

    static ObjectNode skipped(ObjectNode result, String code, String message) {
        result.put("status", "skipped").putArray("reasons").addObject().put("code", code).put("message", message);
        return result;
    }

    /** A program update (form fields {@code costs} and {@code tags}, JSON arrays) as an MObject UPDATE. */
    static MObject programUpdate(int id, String costs, String tags) throws IOException {
        MObject object = new MObject();
        object.setType("Program");
        object.setId(id);
        ArrayOfTypeAttrib typeAttribs = new ArrayOfTypeAttrib();
        for (JsonNode cost : costs == null ? SimulatorJson.MAPPER.createArrayNode() : SimulatorJson.MAPPER.readTree(
                costs)) {
            Map<String, String> values = new LinkedHashMap<>();
            String start = text(cost.get("startDate"));
            values.put("Month", start == null || start.length() < 7 ? String.valueOf(start) : start.substring(0, 7));
            if (!cost.path("cost").canConvertToInt()) {
                throw new Skip("1003", "cost must be an integer, not " + cost.path("cost"));
            }
            values.put("Amount", String.valueOf(cost.path("cost").asInt()));
            if (cost.hasNonNull("note")) {
                values.put("Note", cost.get("note").asText());
            }
            typeAttribs.getTypeAttrib().add(typeAttrib("Cost", values));
        }
        for (JsonNode tag : tags == null ? SimulatorJson.MAPPER.createArrayNode() : SimulatorJson.MAPPER.readTree(
                tags)) {
            if ("Channel".equals(text(tag.get("tagType")))) {
                throw new Skip("709", "the channel of a program cannot be updated");
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("Type", text(tag.get("tagType")));
            values.put("Value", text(tag.get("tagValue")));
            typeAttribs.getTypeAttrib().add(typeAttrib("Tag", values));
        }
        object.setTypeAttribList(typeAttribs);
        return object;
    }

    /** A Program as Get Program answers it; costs only when asked for (by name with includeCosts). */
    static ObjectNode program(MObject program, boolean includeCosts) {
        Map<String, String> attributes = values(program.getAttribList());
        ObjectNode json = SimulatorJson.MAPPER.createObjectNode().put("id", program.getId())
                .put("name", attributes.get("Name")).put("type", attributes.get("Type"));
        ArrayNode tags = SimulatorJson.MAPPER.createArrayNode();
        ArrayNode costs = SimulatorJson.MAPPER.createArrayNode();
        List<TypeAttrib> details = program.getTypeAttribList() == null ? List.of()
                : program.getTypeAttribList().getTypeAttrib();
        for (TypeAttrib detail : details) {
            Map<String, String> values = values(detail.getAttrList());
            if ("Tag".equals(detail.getAttrType()) && "Channel".equals(values.get("Type"))) {
                json.put("channel", values.get("Value"));
            } else if ("Tag".equals(detail.getAttrType())) {
                tags.addObject().put("tagType", values.get("Type")).put("tagValue", values.get("Value"));
            } else {
                ObjectNode cost = costs.addObject().put("startDate", values.get("Month") + "-01");
                cost.put("cost", new BigDecimal(values.get("Amount")));
                cost.put("note", values.getOrDefault("Note", ""));
            }
        }
        json.set("tags", tags);
        if (includeCosts) {
            json.set("costs", costs);
        } else {
            json.putNull("costs");
        }
        return json;
    }

    /** A stored Opportunity or role as Get answers it: REST field names, its GUID. */
    static ObjectNode stored(MObject object, int seq, String externalOpportunityId) {
        ObjectNode json = SimulatorJson.MAPPER.createObjectNode().put("seq", seq).put("marketoGUID", guid(object
                .getId()));
        values(object.getAttribList()).forEach((name, value) -> {
            switch (name) {
                case EXTERNAL_KEY -> json.put(RestFields.EXTERNAL_OPPORTUNITY_ID, value);
                case "OpportunityId" -> json.put(RestFields.EXTERNAL_OPPORTUNITY_ID, externalOpportunityId);
                case "PersonId" -> json.put(RestFields.LEAD_ID, value);
                case "Role" -> json.put(RestFields.ROLE, value);
                default -> json.put("Opportunity".equals(object.getType()) ? RestFields.rest("Opportunity", name)
                        : RestFields.rest("OpportunityPersonRole", name), value);
            }
        });
        return json;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    static Map<String, String> values(ArrayOfAttrib list) {
        Map<String, String> values = new LinkedHashMap<>();
        if (list != null) {
            list.getAttrib().forEach(a -> values.put(a.getName(), a.getValue()));
        }
        return values;
    }

    static Attrib attrib(String name, String value) {
        Attrib attrib = new Attrib();
        attrib.setName(name);
        attrib.setValue(value);
        return attrib;
    }

    private static ArrayOfAttrib attribs(Map<String, String> values) {
        ArrayOfAttrib list = new ArrayOfAttrib();
        values.forEach((name, value) -> list.getAttrib().add(attrib(name, value)));
        return list;
    }

    private static ArrayOfMObjAssociation association(String type, Attrib externalKey) {
        MObjAssociation association = new MObjAssociation();
        association.setMObjType(type);
        association.setExternalKey(externalKey);
        ArrayOfMObjAssociation list = new ArrayOfMObjAssociation();
        list.getMObjAssociation().add(association);
        return list;
    }

    private static TypeAttrib typeAttrib(String type, Map<String, String> values) {
        TypeAttrib typeAttrib = new TypeAttrib();
        typeAttrib.setAttrType(type);
        typeAttrib.setAttrList(attribs(values));
        return typeAttrib;
    }
}
