package dev.mobjectsync.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketo.mktows.ArrayOfMObjCriteria;
import com.marketo.mktows.ComparisonEnum;
import com.marketo.mktows.MObjCriteria;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;

import io.vertx.ext.web.RoutingContext;

/**
 * The simulator's REST read calls (MARKETO-REST.md §2–4): Describe and Get for opportunities and roles, Get
 * Program by id and by name, all answered from the {@link SimulatorState}.
 */
final class RestReads {

    private final SimulatorState state;

    RestReads(SimulatorState state) {
        this.state = state;
    }

    RestAnswer describe(String type) {
        boolean opportunity = "Opportunity".equals(type);
        ObjectNode description = SimulatorJson.MAPPER.createObjectNode().put("name", opportunity ? "opportunity"
                : "opportunityRole")
                .put("idField", RestFields.MARKETO_GUID);
        ArrayNode dedupe = description.putArray("dedupeFields").add(RestFields.EXTERNAL_OPPORTUNITY_ID);
        ArrayNode fields = description.putArray("fields");
        fields.addObject().put("name", RestFields.MARKETO_GUID).put("dataType", "string").put("updateable", false);
        fields.addObject().put("name", RestFields.EXTERNAL_OPPORTUNITY_ID).put("dataType", "string")
                .put("updateable", false);
        if (!opportunity) {
            dedupe.add(RestFields.LEAD_ID).add(RestFields.ROLE);
            fields.addObject().put("name", RestFields.LEAD_ID).put("dataType", "integer").put("updateable", false);
            fields.addObject().put("name", RestFields.ROLE).put("dataType", "string").put("updateable", false);
        }
        for (String soap : opportunity ? state.opportunityFields() : state.roleFields()) {
            if (!List.of(RestTranslation.EXTERNAL_KEY, "ExtRoleId", "OpportunityId", "PersonId", "Role").contains(
                    soap)) {
                fields.addObject().put("name", opportunity ? RestFields.rest("Opportunity", soap)
                        : RestFields.rest("OpportunityPersonRole", soap)).put("dataType", "string").put("updateable",
                                true);
            }
        }
        return new RestAnswer(SimulatorJson.MAPPER.createArrayNode().add(description), null, 0);
    }

    RestAnswer getOpportunities(RoutingContext context) {
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        for (MObject found : opportunities(context)) {
            result.add(RestTranslation.stored(found, result.size(), null));
        }
        return new RestAnswer(result, null, 0);
    }

    /** Roles of the opportunities named by the filter (externalOpportunityId or marketoGUID of the opportunity). */
    RestAnswer getRoles(RoutingContext context) {
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        for (MObject opportunity : opportunities(context)) {
            String external = RestTranslation.values(opportunity.getAttribList()).get(RestTranslation.EXTERNAL_KEY);
            ParamsGetMObjects params = new ParamsGetMObjects();
            params.setType("OpportunityPersonRole");
            MObjCriteria criteria = new MObjCriteria();
            criteria.setAttrName("OpportunityId");
            criteria.setComparison(ComparisonEnum.EQ);
            criteria.setAttrValue(String.valueOf(opportunity.getId()));
            ArrayOfMObjCriteria list = new ArrayOfMObjCriteria();
            list.getMObjCriteria().add(criteria);
            params.setMObjCriteriaList(list);
            for (MObject role : state.get(params).getMObjectList().getMObject()) {
                result.add(RestTranslation.stored(role, result.size(), external));
            }
        }
        return new RestAnswer(result, null, 0);
    }

    private List<MObject> opportunities(RoutingContext context) {
        String filterType = context.request().getParam("filterType");
        String values = context.request().getParam("filterValues");
        if (filterType == null || values == null) {
            throw new RestError("1003", "filterType and filterValues are required");
        }
        boolean byGuid = filterType.equals(RestFields.MARKETO_GUID) || filterType.equals("idField");
        if (!byGuid && !filterType.equals(RestFields.EXTERNAL_OPPORTUNITY_ID) && !filterType.equals("dedupeFields")) {
            throw new RestError("1003", "Invalid filterType: " + filterType);
        }
        List<MObject> found = new ArrayList<>();
        for (String value : values.split(",")) {
            ParamsGetMObjects params = new ParamsGetMObjects();
            params.setType("Opportunity");
            if (byGuid) {
                Integer id = RestTranslation.idOf(value);
                if (id == null) {
                    continue;
                }
                params.setId(id);
            } else {
                params.setExternalKey(RestTranslation.attrib(RestTranslation.EXTERNAL_KEY, value));
            }
            found.addAll(state.get(params).getMObjectList().getMObject());
        }
        return found;
    }

    RestAnswer programById(RoutingContext context) {
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        programs(programId(context), null).forEach(p -> result.add(RestTranslation.program(p, false)));
        return new RestAnswer(result, null, 0);
    }

    RestAnswer programByName(RoutingContext context) {
        String name = context.request().getParam("name");
        boolean costs = Boolean.parseBoolean(context.request().getParam("includeCosts"));
        ArrayNode result = SimulatorJson.MAPPER.createArrayNode();
        programs(null, name).forEach(p -> result.add(RestTranslation.program(p, costs)));
        return new RestAnswer(result, null, 0);
    }

    List<MObject> programs(Integer id, String name) {
        ParamsGetMObjects params = new ParamsGetMObjects();
        params.setType("Program");
        params.setId(id);
        params.setIncludeDetails(true);
        return state.get(params).getMObjectList().getMObject().stream()
                .filter(p -> name == null || name.equals(RestTranslation.values(p.getAttribList()).get("Name")))
                .toList();
    }

    static int programId(RoutingContext context) {
        try {
            return Integer.parseInt(context.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RestError("610", "Requested resource not found: program " + context.pathParam("id"));
        }
    }
}
