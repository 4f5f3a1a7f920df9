package dev.mobjectsync.sending;

import java.util.ArrayList;
import java.util.List;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.SyncRecord;

/**
 * The Marketo objects a record touches, as lane names: its own keys ({@link SyncRecord#marketoKeys()}:
 * type and id, type and external key) and, for an OpportunityPersonRole, its Opportunity, named the way
 * an Opportunity record names itself ({@code Opportunity#id=42} for attribute {@code OpportunityId} or an
 * association by id, {@code Opportunity#ExtOpptyId=OPP-1} for an association by external key). A role
 * and an Opportunity share a lane only when they name it the same way: a role that names its Opportunity
 * by id and an Opportunity record keyed by its external key are not ordered against each other.
 */
public final class LaneKeys {

    static final String ROLE = "OpportunityPersonRole";
    static final String OPPORTUNITY = "Opportunity";

    private LaneKeys() {
    }

    public static List<String> of(SyncRecord record) {
        List<String> lanes = new ArrayList<>(record.marketoKeys());
        String parent = parentOf(record);
        if (parent != null && !lanes.contains(parent)) {
            lanes.add(parent);
        }
        return lanes;
    }

    /** A role's Opportunity as a lane name; null for other records or a role that names none. */
    public static String parentOf(SyncRecord record) {
        if (!ROLE.equals(record.type())) {
            return null;
        }
        for (Association association : record.associations()) {
            if (OPPORTUNITY.equals(association.type())) {
                if (association.id() != null) {
                    return OPPORTUNITY + "#id=" + association.id();
                }
                if (association.externalKey() != null) {
                    return OPPORTUNITY + "#" + association.externalKey().name() + "=" + association.externalKey()
                            .value();
                }
            }
        }
        String opportunityId = record.attributes().get("OpportunityId");
        return opportunityId == null || opportunityId.isBlank() ? null : OPPORTUNITY + "#id=" + opportunityId.trim();
    }

    /** Whether the record is an Opportunity (a parent whose dead letters its roles name). */
    public static boolean isParent(SyncRecord record) {
        return OPPORTUNITY.equals(record.type());
    }
}
