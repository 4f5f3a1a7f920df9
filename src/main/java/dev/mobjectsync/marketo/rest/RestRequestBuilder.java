package dev.mobjectsync.marketo.rest;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.model.TypeAttribute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Maps a {@link Batch} to one REST call (MARKETO-REST.md §2–4, §6): Opportunities to
 * {@code POST /rest/v1/opportunities.json}, roles to {@code .../opportunities/roles.json} (JSON,
 * {@code input} in batch order, so {@code seq} is the position), a Program to
 * {@code POST /rest/asset/v1/program/{id}.json} (form-encoded {@code costs} and {@code tags}).
 * INSERT/UPDATE/UPSERT become createOnly/updateOnly/createOrUpdate; {@code dedupeBy=idField} is sent
 * only with updateOnly of records keyed by marketoGUID, otherwise it is left out (Marketo's default,
 * dedupeFields). A record REST cannot express is not sent but dead-lettered with the reason (stage
 * validation, status UNSUPPORTED): nothing is dropped or guessed.
 */
@ApplicationScoped
@Named("restRequestBuilder")
public class RestRequestBuilder {

    public static final String KEY_NOT_EXPRESSIBLE = "REST_KEY_NOT_EXPRESSIBLE";
    public static final String COST_ID_UNSUPPORTED = "REST_COST_ID_UNSUPPORTED";
    public static final String COST_NOT_INTEGER = "REST_COST_NOT_INTEGER";
    public static final String CHANNEL_NOT_UPDATABLE = "REST_CHANNEL_NOT_UPDATABLE";
    public static final String UNSUPPORTED_FIELD = "REST_UNSUPPORTED_FIELD";
    /** A value that is not of its REST field's type (RestFieldNames.FieldType): a boolean, an integer, a number. */
    public static final String FIELD_TYPE = "REST_FIELD_TYPE";
    /** A batch of updates keyed partly by marketoGUID, partly by external key: split, one dedupeBy per call. */
    public static final String MIXED_KEYS = "REST_MIXED_KEYS";
    /** Several Programs in one batch (stored before a switch from SOAP): split, one Program per call. */
    public static final String ONE_PROGRAM_PER_CALL = "REST_ONE_PROGRAM_PER_CALL";

    static final String OPPORTUNITIES = "/rest/v1/opportunities.json";
    static final String ROLES = "/rest/v1/opportunities/roles.json";
    static final String PROGRAM = "/rest/asset/v1/program/%d.json";
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /** Why a record cannot be sent over REST. */
    private static final class Unsupported extends RuntimeException {
        final String code;

        Unsupported(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final Clock clock;

    public RestRequestBuilder(Clock clock) {
        this.clock = clock;
    }

    @Handler
    public RestCall build(Batch batch) {
        return "Program".equals(batch.type()) ? program(batch) : syncObjects(batch);
    }

    private RestCall syncObjects(Batch batch) {
        boolean role = "OpportunityPersonRole".equals(batch.type());
        List<SyncRecord> sent = new ArrayList<>();
        List<RecordOutcome> refused = new ArrayList<>();
        ArrayNode input = Json.MAPPER.createArrayNode();
        for (SyncRecord record : batch.records()) {
            try {
                input.add(role ? role(record) : opportunity(record));
                sent.add(record);
            } catch (Unsupported unsupported) {
                refused.add(refuse(record, unsupported, batch));
            }
        }
        long byGuid = sent.stream().filter(RestRequestBuilder::keyedByGuid).count();
        if (byGuid > 0 && byGuid < sent.size()) {
            throw new RestFault(MIXED_KEYS, "a batch of updates keyed by marketoGUID and by externalOpportunityId"
                    + " needs one call per key kind");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("action", action(batch.operation()));
        if (byGuid > 0) {
            body.put("dedupeBy", "idField");
        }
        body.set("input", input);
        return new RestCall(role ? ROLES : OPPORTUNITIES, JSON, body.toString(), sent, refused, false);
    }

    static String action(String operation) {
        return switch (operation) {
            case "INSERT" -> "createOnly";
            case "UPDATE" -> "updateOnly";
            default -> "createOrUpdate";
        };
    }

    private static boolean keyedByGuid(SyncRecord record) {
        return record.externalKey() != null && RestFieldNames.MARKETO_GUID.equals(record.externalKey().name());
    }

    private static ObjectNode opportunity(SyncRecord record) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        if (record.externalKey() == null) {
            throw new Unsupported(KEY_NOT_EXPRESSIBLE, record.id() != null
                    ? "Opportunity id " + record.id() + " is Marketo's integer id, which the REST API does not have:"
                            + " key the record by externalKey (sent as externalOpportunityId), or by marketoGUID to update"
                    : "an Opportunity needs an externalKey over REST (sent as externalOpportunityId)");
        }
        if (keyedByGuid(record)) {
            if (!"UPDATE".equals(record.operation())) {
                throw new Unsupported(KEY_NOT_EXPRESSIBLE, "marketoGUID names an existing Opportunity: it keys an"
                        + " UPDATE only; to " + record.operation() + " give externalKey (externalOpportunityId)");
            }
            object.put(RestFieldNames.MARKETO_GUID, record.externalKey().value());
        } else {
            object.put(RestFieldNames.EXTERNAL_OPPORTUNITY_ID, record.externalKey().value());
        }
        record.attributes().forEach((name, value) -> putTyped(object, name, RestFieldNames.opportunityField(name),
                value));
        for (Association association : record.associations()) {
            if (!"Company".equals(association.type()) || association.externalKey() == null) {
                throw new Unsupported(KEY_NOT_EXPRESSIBLE, "an Opportunity links to a Company by its external key"
                        + " over REST (externalCompanyId), not " + describe(association));
            }
            object.put(RestFieldNames.EXTERNAL_COMPANY_ID, association.externalKey().value());
        }
        return object;
    }

    private static ObjectNode role(SyncRecord record) {
        if (record.id() != null || record.externalKey() != null) {
            throw new Unsupported(KEY_NOT_EXPRESSIBLE, "a role is keyed by externalOpportunityId, leadId and role over"
                    + " REST; its own " + (record.id() != null ? "id " + record.id() : "externalKey")
                    + " cannot be sent");
        }
        Map<String, String> attributes = record.attributes();
        String opportunity = null;
        String lead = attributes.get("PersonId");
        if (attributes.containsKey("OpportunityId")) {
            throw new Unsupported(KEY_NOT_EXPRESSIBLE, "OpportunityId " + attributes.get("OpportunityId")
                    + " is Marketo's integer id of the Opportunity, which REST does not have: name the Opportunity"
                    + " by an association {\"type\":\"Opportunity\",\"externalKey\":...} (externalOpportunityId)");
        }
        for (Association association : record.associations()) {
            if ("Opportunity".equals(association.type()) && association.externalKey() != null) {
                opportunity = association.externalKey().value();
            } else if ("Lead".equals(association.type()) && association.id() != null) {
                lead = String.valueOf(association.id());
            } else {
                throw new Unsupported(KEY_NOT_EXPRESSIBLE, "a role names its Opportunity by external key and its lead"
                        + " by id over REST, not " + describe(association));
            }
        }
        String role = attributes.get("Role");
        if (opportunity == null || lead == null || role == null) {
            throw new Unsupported(KEY_NOT_EXPRESSIBLE, "a role's REST key is externalOpportunityId + leadId + role, all"
                    + " three required; missing: " + String.join(", ", missing(opportunity, lead, role)));
        }
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put(RestFieldNames.EXTERNAL_OPPORTUNITY_ID, opportunity);
        try {
            object.put(RestFieldNames.LEAD_ID, Integer.parseInt(lead.trim()));
        } catch (NumberFormatException e) {
            throw new Unsupported(KEY_NOT_EXPRESSIBLE, "leadId must be a lead's integer id, not " + lead);
        }
        object.put(RestFieldNames.ROLE_FIELD, role);
        attributes.forEach((name, value) -> {
            if (!name.equals("PersonId") && !name.equals("Role")) {
                putTyped(object, name, RestFieldNames.roleField(name), value);
            }
        });
        return object;
    }

    /**
     * The value as its REST field's JSON type (RestFieldNames.TYPES): {@code "isWon":true}, {@code "probability":80};
     * strings stay strings. An empty value of a typed field is sent as null (Marketo writes "" as null too); one
     * that is not of the type refuses the record ({@link #FIELD_TYPE}) rather than letting Marketo guess.
     */
    private static void putTyped(ObjectNode object, String name, String field, String value) {
        RestFieldNames.FieldType type = RestFieldNames.type(field);
        String text = value.trim();
        if (type == RestFieldNames.FieldType.STRING) {
            object.put(field, value);
        } else if (text.isEmpty()) {
            object.putNull(field);
        } else {
            JsonNode typed = switch (type) {
                case BOOLEAN -> bool(text);
                case INTEGER -> integer(text);
                default -> number(text);
            };
            if (typed == null) {
                throw new Unsupported(FIELD_TYPE, name + " '" + value + "' is not " + switch (type) {
                    case BOOLEAN -> "a boolean (true, false, 1 or 0)";
                    case INTEGER -> "a whole number in the int32 range";
                    default -> "a number";
                } + ": REST field " + field + " takes a JSON " + type.name().toLowerCase(Locale.ROOT));
            }
            object.set(field, typed);
        }
    }

    private static JsonNode bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> BooleanNode.TRUE;
            case "false", "0" -> BooleanNode.FALSE;
            default -> null;
        };
    }

    private static JsonNode integer(String text) {
        JsonNode number = number(text);
        try {
            return number == null ? null : IntNode.valueOf(number.decimalValue().intValueExact());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static JsonNode number(String text) {
        try {
            return DecimalNode.valueOf(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> missing(String opportunity, String lead, String role) {
        List<String> missing = new ArrayList<>();
        if (opportunity == null) {
            missing.add("the Opportunity's external key");
        }
        if (lead == null) {
            missing.add("the lead id");
        }
        if (role == null) {
            missing.add("Role");
        }
        return missing;
    }

    private RestCall program(Batch batch) {
        if (batch.size() != 1) {
            throw new RestFault(ONE_PROGRAM_PER_CALL, "a REST program update carries one Program, not " + batch.size());
        }
        SyncRecord record = batch.records().get(0);
        try {
            String body = programForm(record);
            return new RestCall(PROGRAM.formatted(record.id()), FORM, body, List.of(record), List.of(), true);
        } catch (Unsupported unsupported) {
            return new RestCall(null, FORM, null, List.of(), List.of(refuse(record, unsupported, batch)), true);
        }
    }

    private static String programForm(SyncRecord record) {
        if (!record.attributes().isEmpty()) {
            throw new Unsupported(UNSUPPORTED_FIELD, "a Program update over REST carries costs and tags only, not "
                    + record.attributes().keySet());
        }
        ArrayNode costs = Json.MAPPER.createArrayNode();
        ArrayNode tags = Json.MAPPER.createArrayNode();
        for (TypeAttribute typeAttribute : record.typeAttributes()) {
            Map<String, String> values = typeAttribute.attributes();
            if ("Cost".equals(typeAttribute.attrType())) {
                costs.add(cost(values));
            } else {
                if ("Channel".equals(values.get("Type"))) {
                    throw new Unsupported(CHANNEL_NOT_UPDATABLE, "a Program's channel is set when it is created and"
                            + " cannot be changed over REST (Tag Channel=" + values.get("Value") + " not sent)");
                }
                tags.addObject().put("tagType", values.get("Type")).put("tagValue", values.get("Value"));
            }
        }
        StringBuilder form = new StringBuilder();
        if (!costs.isEmpty()) {
            form.append("costs=").append(URLEncoder.encode(costs.toString(), StandardCharsets.UTF_8));
        }
        if (!tags.isEmpty()) {
            form.append(form.isEmpty() ? "" : "&").append("tags=")
                    .append(URLEncoder.encode(tags.toString(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static ObjectNode cost(Map<String, String> values) {
        if (values.containsKey("Id")) {
            throw new Unsupported(COST_ID_UNSUPPORTED, "cost Id " + values.get("Id") + ": REST program costs have no"
                    + " id, so an existing cost cannot be changed over REST (costs are only appended)");
        }
        ObjectNode cost = Json.MAPPER.createObjectNode();
        cost.put("startDate", values.get("Month") + "-01");
        try {
            cost.put("cost", new BigDecimal(values.get("Amount")).intValueExact());
        } catch (ArithmeticException e) {
            throw new Unsupported(COST_NOT_INTEGER, "Amount " + values.get("Amount")
                    + " is not a whole number in the int32 range: REST program costs are integers");
        }
        if (values.get("Note") != null) {
            cost.put("note", values.get("Note"));
        }
        return cost;
    }

    private RecordOutcome refuse(SyncRecord record, Unsupported unsupported, Batch batch) {
        return RecordOutcome.failed(record, new Failure(Stage.VALIDATION, "UNSUPPORTED", unsupported.code,
                unsupported.getMessage(), batch.batchId(), 0, clock.instant()));
    }

    private static String describe(Association association) {
        return "a " + association.type() + " by " + (association.id() != null ? "id " + association.id()
                : "external key");
    }
}
