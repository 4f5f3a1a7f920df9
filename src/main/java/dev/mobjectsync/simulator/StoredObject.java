package dev.mobjectsync.simulator;

import static dev.mobjectsync.simulator.MObjects.attribs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjCriteria;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;

/** An Opportunity or OpportunityPersonRole the simulated instance holds, and how getMObjects selects them. */
final class StoredObject {

    final int id;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<String> associations = new ArrayList<>();

    StoredObject(int id) {
        this.id = id;
    }

    /** Adds to {@code out}, as MObjects of {@code type}, the stored objects that match the request's id, key and criteria. */
    static void select(Map<Integer, StoredObject> store, ParamsGetMObjects params, String type, List<MObject> out) {
        for (StoredObject object : store.values()) {
            if (params.getId() != null && params.getId() != object.id) {
                continue;
            }
            Attrib key = params.getExternalKey();
            if (key != null && !Objects.equals(object.attributes.get(key.getName()), key.getValue())) {
                continue;
            }
            if (params.getMObjCriteriaList() != null && !params.getMObjCriteriaList().getMObjCriteria().stream()
                    .allMatch(c -> matches(object.attributes.get(c.getAttrName()), c))) {
                continue;
            }
            out.add(object.toMObject(type));
        }
    }

    private MObject toMObject(String type) {
        MObject mObject = new MObject();
        mObject.setType(type);
        mObject.setId(id);
        mObject.setAttribList(attribs(attributes));
        return mObject;
    }

    private static boolean matches(String actual, MObjCriteria criteria) {
        String wanted = criteria.getAttrValue();
        int comparison = compare(actual, wanted);
        return switch (criteria.getComparison()) {
            case EQ -> Objects.equals(actual, wanted);
            case NE -> !Objects.equals(actual, wanted);
            case LT -> actual != null && comparison < 0;
            case LE -> actual != null && comparison <= 0;
            case GT -> actual != null && comparison > 0;
            case GE -> actual != null && comparison >= 0;
        };
    }

    private static int compare(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
