package dev.mobjectsync.simulator;

import static dev.mobjectsync.simulator.MObjects.associations;
import static dev.mobjectsync.simulator.MObjects.key;
import static dev.mobjectsync.simulator.MObjects.parseInt;
import static dev.mobjectsync.simulator.MObjects.values;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObject;

/**
 * The keys of the objects a write call touches: a Program by id; an Opportunity by id and by external key as
 * sent (and by the id the instance holds for that external key, if any); an OpportunityPersonRole by id or
 * external key if given, by its (Opportunity, person) pair, and it also touches its Opportunity.
 */
final class TouchedKeys {

    /** The id the instance holds for an Opportunity external key ({@code name=value}), or null. */
    private final Function<String, Integer> opportunityByKey;

    TouchedKeys(Function<String, Integer> opportunityByKey) {
        this.opportunityByKey = opportunityByKey;
    }

    Set<String> of(List<MObject> objects) {
        Set<String> keys = new TreeSet<>();
        for (MObject object : objects) {
            switch (String.valueOf(object.getType())) {
                case "Program" -> {
                    if (object.getId() != null) {
                        keys.add("Program#" + object.getId());
                    }
                }
                case "Opportunity" -> keys.addAll(opportunityKeys(object.getId(), object.getExternalKey()));
                case "OpportunityPersonRole" -> roleKeys(object, keys);
                default -> {
                }
            }
        }
        return keys;
    }

    private Set<String> opportunityKeys(Integer id, Attrib externalKey) {
        Set<String> keys = new TreeSet<>();
        if (id != null) {
            keys.add("Opportunity#" + id);
        }
        if (externalKey != null) {
            keys.add("Opportunity/" + key(externalKey));
            Integer held = opportunityByKey.apply(key(externalKey));
            if (held != null) {
                keys.add("Opportunity#" + held);
            }
        }
        return keys;
    }

    private void roleKeys(MObject role, Set<String> keys) {
        if (role.getId() != null) {
            keys.add("OpportunityPersonRole#" + role.getId());
        }
        if (role.getExternalKey() != null) {
            keys.add("OpportunityPersonRole/" + key(role.getExternalKey()));
        }
        Map<String, String> values = values(role.getAttribList());
        Set<String> opportunity = new TreeSet<>();
        Integer byAttribute = parseInt(values.get("OpportunityId"));
        if (byAttribute != null) {
            opportunity.addAll(opportunityKeys(byAttribute, null));
        }
        String person = values.get("PersonId");
        for (MObjAssociation association : associations(role)) {
            switch (String.valueOf(association.getMObjType())) {
                case "Opportunity" -> opportunity.addAll(opportunityKeys(association.getId(), association
                        .getExternalKey()));
                case "Lead" -> person = association.getId() != null ? String.valueOf(association.getId())
                        : association.getExternalKey() != null ? key(association.getExternalKey()) : person;
                default -> {
                }
            }
        }
        keys.addAll(opportunity);
        if (person != null) {
            for (String of : opportunity) {
                keys.add("OpportunityPersonRole(" + of + ", person " + person + ")");
            }
        }
    }
}
