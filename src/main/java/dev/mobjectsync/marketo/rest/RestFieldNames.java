package dev.mobjectsync.marketo.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mobjectsync.model.KeyValue;

/**
 * SOAP attribute names (PascalCase) and the REST field names (camelCase) they are sent as
 * (MARKETO-REST.md §2, §3, §6); the README's table is this one. A name not in the table goes to REST
 * as it was given, so fields of a customised instance (or REST names written directly) pass through.
 */
public final class RestFieldNames {

    /** Opportunity attributes. The external key becomes {@code externalOpportunityId}, never a field of its own. */
    static final Map<String, String> OPPORTUNITY = table(
            "Name", "name", "Description", "description", "Amount", "amount", "Type", "type", "Stage", "stage",
            "Source", "source", "CloseDate", "closeDate", "IsClosed", "isClosed", "IsWon", "isWon",
            "ExpectedRevenue", "expectedRevenue", "Fiscal", "fiscal", "FiscalQuarter", "fiscalQuarter",
            "FiscalYear", "fiscalYear", "ForecastCategoryName", "forecastCategoryName",
            "LastActivityDate", "lastActivityDate", "LeadSource", "leadSource", "NextStep", "nextStep",
            "Probability", "probability", "Quantity", "quantity", "ExternalCreatedDate", "externalCreatedDate",
            "ExternalSalesPersonId", "externalSalesPersonId");

    /** OpportunityPersonRole attributes besides the key parts (OpportunityId, PersonId, Role). */
    static final Map<String, String> ROLE = table("IsPrimary", "isPrimary", "ExternalCreatedDate",
            "externalCreatedDate");

    /** How a REST field's value is written in the request's JSON. */
    public enum FieldType {
        /** A JSON string, as given (Marketo's examples send {@code amount} as {@code "1604.47"}). */
        STRING,
        /** A JSON boolean: {@code true}/{@code false} (also {@code 1}/{@code 0}, as SOAP's samples write them). */
        BOOLEAN,
        /** A JSON integer number. */
        INTEGER,
        /** A JSON number, decimals allowed. */
        NUMBER
    }

    /**
     * The fields that are not strings (MARKETO-REST.md §2–3: {@code isPrimary} boolean and {@code leadId}
     * integer by Marketo's roles page; the opportunity fields by the type of the SOAP field they replace,
     * whose REST names are themselves unconfirmed). A field not here, a custom one included, is a string.
     */
    static final Map<String, FieldType> TYPES = Map.of("isClosed", FieldType.BOOLEAN, "isWon", FieldType.BOOLEAN,
            "isPrimary", FieldType.BOOLEAN, "fiscalQuarter", FieldType.INTEGER, "fiscalYear", FieldType.INTEGER,
            "probability", FieldType.INTEGER, "quantity", FieldType.NUMBER, "leadId", FieldType.INTEGER);

    public static final String EXTERNAL_OPPORTUNITY_ID = "externalOpportunityId";
    public static final String MARKETO_GUID = KeyValue.MARKETO_GUID;
    public static final String EXTERNAL_COMPANY_ID = "externalCompanyId";
    public static final String LEAD_ID = "leadId";
    public static final String ROLE_FIELD = "role";

    private RestFieldNames() {
    }

    public static String opportunityField(String soapName) {
        return OPPORTUNITY.getOrDefault(soapName, soapName);
    }

    public static String roleField(String soapName) {
        return ROLE.getOrDefault(soapName, soapName);
    }

    /** The JSON type a REST field's value is sent as. */
    public static FieldType type(String restName) {
        return TYPES.getOrDefault(restName, FieldType.STRING);
    }

    /** The SOAP name of a REST field of this type (the simulator's way back); unknown names unchanged. */
    public static String soapName(String type, String restName) {
        Map<String, String> table = "Opportunity".equals(type) ? OPPORTUNITY : ROLE;
        return table.entrySet().stream().filter(e -> e.getValue().equals(restName)).map(Map.Entry::getKey)
                .findFirst().orElse(restName);
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(table);
    }
}
