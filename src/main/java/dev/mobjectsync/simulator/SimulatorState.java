package dev.mobjectsync.simulator;

import static dev.mobjectsync.simulator.MObjects.associations;
import static dev.mobjectsync.simulator.MObjects.describe;
import static dev.mobjectsync.simulator.MObjects.key;
import static dev.mobjectsync.simulator.MObjects.parseInt;
import static dev.mobjectsync.simulator.MObjects.status;
import static dev.mobjectsync.simulator.MObjects.values;
import static dev.mobjectsync.simulator.Refusal.failed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.marketo.mktows.ArrayOfMObject;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.ResultGetMObjects;
import com.marketo.mktows.SyncOperationEnum;

/**
 * What the simulated Marketo instance holds, and the rules of syncMObjects and getMObjects over it.
 * Programs come from the seed and can only be updated (costs, tags); Opportunities and
 * OpportunityPersonRoles are created and updated, with ids assigned in sequence. Every object of a
 * call gets its own status, in request order. Plain Java, thread-safe. Programs are {@link SeededPrograms},
 * the others {@link StoredObject}s.
 * <p>
 * It also watches the write calls in flight ({@link #enter(List)}): which objects each touches, and how
 * many calls arrived while another call in flight touched one of their objects ({@link #overlappingCalls()}).
 * With {@link #duplicateConcurrentUpserts(boolean)} on, an UPSERT of a new Opportunity external key that
 * a concurrent call created meanwhile creates a second Opportunity, as Marketo may
 * ({@link #duplicateExternalKeys()}).
 */
public class SimulatorState {

    /**
     * The FAILED error of an Opportunity that would be created without a Name. Marketo: "The 'name' field
     * must not be null" (REST opportunities page); its SOAP error text is not documented.
     */
    public static final String NAME_REQUIRED = "Name is required to create an Opportunity: the name field must not be null";
    private static final int PAGE = 100;

    private final Set<String> opportunityFields;
    private final Set<String> roleFields;
    private final SeededPrograms programs;
    private final ObjectStore opportunities = new ObjectStore("Opportunity");
    private final ObjectStore roles = new ObjectStore("OpportunityPersonRole");
    private int nextObjectId = 1001;
    /** The attribute names that calls used as an Opportunity's external key. */
    private final Set<String> opportunityKeyNames = new TreeSet<>();
    private volatile boolean duplicateConcurrentUpserts;
    private final FlightBoard flights = new FlightBoard();
    private final TouchedKeys touchedKeys = new TouchedKeys(opportunities.index::get);

    public SimulatorState(Seed seed) {
        this.programs = new SeededPrograms(seed);
        this.opportunityFields = new HashSet<>(seed.opportunityFields() == null ? List.of() : seed.opportunityFields());
        this.roleFields = new HashSet<>(seed.roleFields() == null ? List.of() : seed.roleFields());
    }

    /** The attribute names an Opportunity may carry (SOAP names, as seeded). */
    public Set<String> opportunityFields() {
        return Set.copyOf(opportunityFields);
    }

    /** The attribute names an OpportunityPersonRole may carry (SOAP names, as seeded). */
    public Set<String> roleFields() {
        return Set.copyOf(roleFields);
    }

    public List<MObjStatus> sync(SyncOperationEnum operation, List<MObject> objects) {
        return sync(operation, objects, null);
    }

    /**
     * Applies a call's objects; {@code call} is the call in flight that carries them ({@link #enter(List)}),
     * or null (then no duplicate is ever created).
     */
    public synchronized List<MObjStatus> sync(SyncOperationEnum operation, List<MObject> objects, InFlight call) {
        List<MObjStatus> statuses = new ArrayList<>(objects.size());
        for (MObject object : objects) {
            statuses.add(apply(operation, object, call));
        }
        return statuses;
    }

    // --- calls in flight ---------------------------------------------------------------------------

    /**
     * A write call arrives carrying these objects (as the simulator reads the request: SOAP MObjects, or
     * REST records translated to MObjects): registers the keys of the objects it touches ({@link TouchedKeys})
     * until the returned {@link InFlight} is closed, and counts the call as overlapping when another call in
     * flight touches one of them. Call it before the injected latency, close it once the answer is produced.
     */
    public InFlight enter(List<MObject> objects) {
        Set<String> keys;
        int firstNewId;
        synchronized (this) {
            keys = Collections.unmodifiableSet(touchedKeys.of(objects));
            firstNewId = nextObjectId;
        }
        return flights.enter(keys, firstNewId);
    }

    /** How many write calls arrived while another call in flight touched one of their objects. */
    public long overlappingCalls() {
        return flights.overlappingCalls();
    }

    /**
     * The fault {@code simulator.faults.duplicate-concurrent-upserts}: when on, an UPSERT of an Opportunity
     * by an external key that did not exist when its call arrived, and that a concurrent call created since,
     * creates a second Opportunity with that key instead of updating it, as Marketo may.
     */
    public void duplicateConcurrentUpserts(boolean on) {
        duplicateConcurrentUpserts = on;
    }

    /** How many external key values (of the names calls used as Opportunity external keys) more than one Opportunity holds. */
    public synchronized int duplicateExternalKeys() {
        Map<String, Integer> holders = new HashMap<>();
        for (StoredObject opportunity : opportunities.objects.values()) {
            for (String name : opportunityKeyNames) {
                String value = opportunity.attributes.get(name);
                if (value != null) {
                    holders.merge(name + "=" + value, 1, Integer::sum);
                }
            }
        }
        return (int) holders.values().stream().filter(n -> n > 1).count();
    }

    private MObjStatus apply(SyncOperationEnum operation, MObject object, InFlight call) {
        try {
            return switch (String.valueOf(object.getType())) {
                case "Program" -> programs.update(operation, object);
                case "Opportunity" -> opportunity(operation, object, call);
                case "OpportunityPersonRole" -> role(operation, object);
                default -> throw failed("Unknown MObject type: " + object.getType());
            };
        } catch (Refusal refusal) {
            return status(object.getId(), object.getExternalKey(), refusal.status, refusal.getMessage());
        }
    }

    // --- Opportunity -------------------------------------------------------------------------------

    private MObjStatus opportunity(SyncOperationEnum operation, MObject object, InFlight call) {
        Map<String, String> attributes = values(object.getAttribList());
        ObjectStore.checkFields(attributes.keySet(), opportunityFields, "Opportunity");
        Attrib externalKey = object.getExternalKey();
        if (externalKey != null) {
            ObjectStore.checkFields(Set.of(externalKey.getName()), opportunityFields, "Opportunity external key");
            attributes.put(externalKey.getName(), externalKey.getValue());
            opportunityKeyNames.add(externalKey.getName());
        }
        List<String> associations = new ArrayList<>();
        for (MObjAssociation association : associations(object)) {
            if (!"Company".equals(association.getMObjType())) {
                throw failed("An Opportunity can only be associated with a Company, not " + association.getMObjType());
            }
            associations.add(describe(association));
        }
        StoredObject existing = opportunities.find(object);
        if (existing != null && racedCreation(operation, object, existing, call)) {
            existing = null;
        }
        MObjStatus status = opportunities.upsert(operation, object, existing, attributes,
                associations, () -> nextObjectId++);
        if (call != null && status.getStatus() == MObjStatusEnum.CREATED) {
            call.created.add(status.getId());
        }
        return status;
    }

    /**
     * With {@link #duplicateConcurrentUpserts(boolean)} on: an UPSERT by external key finds an Opportunity
     * that another call created after this call arrived (so the key was new when it arrived). Marketo may
     * then create a second one, as if both had looked the key up before either created it.
     */
    private boolean racedCreation(SyncOperationEnum operation, MObject object, StoredObject existing, InFlight call) {
        return duplicateConcurrentUpserts && call != null && operation == SyncOperationEnum.UPSERT
                && object.getId() == null && object.getExternalKey() != null && existing.id >= call.firstNewId
                && !call.created.contains(existing.id);
    }

    // --- OpportunityPersonRole ---------------------------------------------------------------------

    private MObjStatus role(SyncOperationEnum operation, MObject object) {
        Map<String, String> attributes = values(object.getAttribList());
        ObjectStore.checkFields(attributes.keySet(), roleFields, "OpportunityPersonRole");
        String personRef = attributes.get("PersonId");
        if (personRef != null && parseInt(personRef) == null) {
            throw failed("PersonId must be a lead id, not " + personRef);
        }
        for (MObjAssociation association : associations(object)) {
            switch (String.valueOf(association.getMObjType())) {
                case "Opportunity" -> attributes.put("OpportunityId", String.valueOf(opportunityId(association)));
                case "Lead" -> personRef = leadRef(association);
                default -> throw failed("An OpportunityPersonRole can be associated with an Opportunity or a Lead, not "
                        + association.getMObjType());
            }
        }
        Integer opportunityId = parseInt(attributes.get("OpportunityId"));
        if (opportunityId == null || personRef == null) {
            throw failed("OpportunityId and PersonId are required");
        }
        if (!opportunities.objects.containsKey(opportunityId)) {
            throw failed("Opportunity " + opportunityId + " not found");
        }
        if (parseInt(personRef) != null) {
            attributes.put("PersonId", personRef);
        }
        Attrib externalKey = object.getExternalKey();
        if (externalKey != null) {
            ObjectStore.checkFields(Set.of(externalKey.getName()), roleFields, "OpportunityPersonRole external key");
            attributes.put(externalKey.getName(), externalKey.getValue());
        }
        StoredObject existing = roles.find(object);
        if (existing == null && object.getId() == null && externalKey == null) {
            Integer byPair = roles.index.get(pairKey(opportunityId, personRef));
            existing = byPair == null ? null : roles.objects.get(byPair);
        }
        MObjStatus status = roles.upsert(operation, object, existing, attributes, List.of(),
                () -> nextObjectId++);
        if (status.getId() != null) {
            roles.index.put(pairKey(opportunityId, personRef), status.getId());
        }
        return status;
    }

    private int opportunityId(MObjAssociation association) {
        if (association.getId() != null) {
            return association.getId();
        }
        if (association.getExternalKey() != null) {
            Integer id = opportunities.index.get(key(association.getExternalKey()));
            if (id != null) {
                return id;
            }
            throw failed("Opportunity " + key(association.getExternalKey()) + " not found");
        }
        throw failed("An Opportunity association needs an id or an externalKey");
    }

    // --- getMObjects -------------------------------------------------------------------------------

    public synchronized ResultGetMObjects get(ParamsGetMObjects params) {
        List<MObject> matches = new ArrayList<>();
        switch (String.valueOf(params.getType())) {
            case "Program" -> matches.addAll(programs.get(params.getId(), Boolean.TRUE.equals(params
                    .isIncludeDetails())));
            case "Opportunity" -> StoredObject.select(opportunities.objects, params, "Opportunity", matches);
            case "OpportunityPersonRole" -> StoredObject.select(roles.objects, params, "OpportunityPersonRole",
                    matches);
            default -> throw MarketoFaults.fault(MarketoFaults.BAD_PARAMETER, "Bad Parameter",
                    "getMObjects does not support type " + params.getType());
        }
        int start = params.getStreamPosition() == null || params.getStreamPosition().isEmpty() ? 0
                : Objects.requireNonNullElse(parseInt(params.getStreamPosition()), 0);
        int end = Math.min(matches.size(), start + PAGE);
        ResultGetMObjects result = new ResultGetMObjects();
        ArrayOfMObject list = new ArrayOfMObject();
        list.getMObject().addAll(matches.subList(Math.min(start, end), end));
        result.setMObjectList(list);
        result.setReturnCount(list.getMObject().size());
        result.setHasMore(end < matches.size());
        result.setNewStreamPosition(end < matches.size() ? String.valueOf(end) : "");
        return result;
    }

    // --- small helpers -----------------------------------------------------------------------------

    private static String pairKey(int opportunityId, String personRef) {
        return "role:" + opportunityId + "/" + personRef;
    }

    /** Leads are not modelled: any lead reference is accepted, by id or by external key. */
    private static String leadRef(MObjAssociation association) {
        if (association.getId() != null) {
            return String.valueOf(association.getId());
        }
        if (association.getExternalKey() != null) {
            return key(association.getExternalKey());
        }
        throw failed("A Lead association needs an id or an externalKey");
    }
}
