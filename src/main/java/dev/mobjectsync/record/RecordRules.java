package dev.mobjectsync.record;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.TypeAttribute;

/**
 * The format's rules for a record whose fields all have the right shape: what a Program, an Opportunity
 * and a role need (README, "Records"), each broken rule a {@link Defect}.
 */
final class RecordRules {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private RecordRules() {
    }

    static void check(String type, String operation, Integer id, KeyValue externalKey,
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
            if (costId != null && FieldReader.parsePositiveInt(costId) == null) {
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
}
