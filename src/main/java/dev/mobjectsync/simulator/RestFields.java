package dev.mobjectsync.simulator;

import java.util.List;
import java.util.Locale;

/**
 * The simulator's own table of REST field names (MARKETO-REST.md §2, §3, §6): Marketo's REST API names the
 * SOAP fields (PascalCase, MARKETO.md "Opportunity", "OpportunityPersonRole") in camelCase. The simulator
 * stores SOAP names; a field outside the table keeps its name both ways (a customised instance's field).
 */
final class RestFields {

    static final String EXTERNAL_OPPORTUNITY_ID = "externalOpportunityId";
    static final String MARKETO_GUID = "marketoGUID";
    static final String EXTERNAL_COMPANY_ID = "externalCompanyId";
    static final String LEAD_ID = "leadId";
    static final String ROLE = "role";

    /** MARKETO.md's standard Opportunity set, with {@code Source} and {@code ExternalSalesPersonId} of MARKETO-REST.md §2. */
    private static final List<String> OPPORTUNITY = List.of("Amount", "CloseDate", "Description", "ExpectedRevenue",
            "ExternalCreatedDate", "Fiscal", "FiscalQuarter", "FiscalYear", "ForecastCategoryName", "IsClosed", "IsWon",
            "LastActivityDate", "LeadSource", "Name", "NextStep", "Probability", "Quantity", "Stage", "Type", "Source",
            "ExternalSalesPersonId");

    /** OpportunityPersonRole's optional attributes; its key parts have names of their own in REST. */
    private static final List<String> ROLE_FIELDS = List.of("IsPrimary", "ExternalCreatedDate");

    private RestFields() {
    }

    /** The REST name of a SOAP attribute of this type. */
    static String rest(String type, String soapName) {
        return table(type).contains(soapName) ? soapName.substring(0, 1).toLowerCase(Locale.ROOT) + soapName.substring(
                1)
                : soapName;
    }

    /** The SOAP name of a REST field of this type. */
    static String soap(String type, String restName) {
        return table(type).stream().filter(soap -> rest(type, soap).equals(restName)).findFirst().orElse(restName);
    }

    private static List<String> table(String type) {
        return "Opportunity".equals(type) ? OPPORTUNITY : ROLE_FIELDS;
    }
}
