package dev.mobjectsync.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.marketo.mktows.ArrayOfAttrib;
import com.marketo.mktows.ArrayOfMObject;
import com.marketo.mktows.ArrayOfTypeAttrib;
import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjAssociation;
import com.marketo.mktows.MObjCriteria;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.ParamsGetMObjects;
import com.marketo.mktows.ResultGetMObjects;
import com.marketo.mktows.SyncOperationEnum;
import com.marketo.mktows.TypeAttrib;

/**
 * What the simulated Marketo instance holds, and the rules of syncMObjects and getMObjects over it.
 * Programs come from the seed and can only be updated (costs, tags); Opportunities and
 * OpportunityPersonRoles are created and updated, with ids assigned in sequence. Every object of a
 * call gets its own status, in request order. Plain Java, thread-safe.
 * <p>
 * It also watches the write calls in flight ({@link #enter(List)}): which objects each touches, and how
 * many calls arrived while another call in flight touched one of their objects ({@link #overlappingCalls()}).
 * With {@link #duplicateConcurrentUpserts(boolean)} on, an UPSERT of a new Opportunity external key that
 * a concurrent call created meanwhile creates a second Opportunity, as Marketo may
 * ({@link #duplicateExternalKeys()}).
 */
public class SimulatorState {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /**
     * The FAILED error of an Opportunity that would be created without a Name. Marketo: "The 'name' field
     * must not be null" (REST opportunities page); its SOAP error text is not documented.
     */
    public static final String NAME_REQUIRED = "Name is required to create an Opportunity: the name field must not be null";
    private static final int PAGE = 100;

    /** Why one object of a call was not applied. */
    private static final class Refusal extends RuntimeException {
        final MObjStatusEnum status;

        Refusal(MObjStatusEnum status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final class Program {
        final int id;
        final String name;
        final String type;
        final Map<Integer, Cost> costs = new TreeMap<>();
        final Map<String, String> tags = new TreeMap<>();

        Program(int id, String name, String type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }
    }

    private record Cost(int id, String month, String amount, String note) {
    }

    private static final class Stored {
        final int id;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<String> associations = new ArrayList<>();

        Stored(int id) {
            this.id = id;
        }
    }

    private final Map<String, List<String>> definedTags;
    private final Set<String> opportunityFields;
    private final Set<String> roleFields;
    private final Map<Integer, Program> programs = new TreeMap<>();
    private final Map<Integer, Stored> opportunities = new LinkedHashMap<>();
    private final Map<Integer, Stored> roles = new LinkedHashMap<>();
    private final Map<String, Integer> opportunityByKey = new HashMap<>();
    private final Map<String, Integer> roleByKey = new HashMap<>();
    private int nextObjectId = 1001;
    private int nextCostId = 5001;
    /** The attribute names that calls used as an Opportunity's external key. */
    private final Set<String> opportunityKeyNames = new TreeSet<>();
    private volatile boolean duplicateConcurrentUpserts;

    /** Guards the calls in flight: how many of them touch each object key, and the overlapping count. */
    private final Object flights = new Object();
    private final Map<String, Integer> touchedInFlight = new HashMap<>();
    private long overlappingCalls;

    /**
     * A write call in flight, from its arrival until its answer is produced (the injected latency
     * included): the keys of the objects it touches, whether another call in flight touched one of them
     * when it arrived, and the first object id not yet assigned when it arrived (an object with a higher
     * id was created by a call concurrent with this one). Close it when the answer is produced.
     */
    public final class InFlight implements AutoCloseable {
        private final Set<String> keys;
        private final boolean overlapping;
        private final int firstNewId;
        /** The Opportunities this call created (guarded by the state). */
        private final Set<Integer> created = new HashSet<>();
        private boolean closed;

        private InFlight(Set<String> keys, boolean overlapping, int firstNewId) {
            this.keys = keys;
            this.overlapping = overlapping;
            this.firstNewId = firstNewId;
        }

        /** The keys of the objects this call touches ({@code Opportunity#1001}, {@code Opportunity/ExtOpptyId=K}, …). */
        public Set<String> keys() {
            return keys;
        }

        /** True when another call in flight touched one of this call's objects when this call arrived. */
        public boolean overlapping() {
            return overlapping;
        }

        /** This call's objects are no longer touched by it. Idempotent. */
        @Override
        public void close() {
            synchronized (flights) {
                if (closed) {
                    return;
                }
                closed = true;
                for (String key : keys) {
                    touchedInFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
                }
            }
        }
    }

    public SimulatorState(Seed seed) {
        this.definedTags = seed.tags() == null ? Map.of() : seed.tags();
        this.opportunityFields = new HashSet<>(seed.opportunityFields() == null ? List.of() : seed.opportunityFields());
        this.roleFields = new HashSet<>(seed.roleFields() == null ? List.of() : seed.roleFields());
        for (Seed.SeedProgram p : seed.programs() == null ? List.<Seed.SeedProgram> of() : seed.programs()) {
            Program program = new Program(p.id(), p.name(), p.type());
            if (p.costs() != null) {
                p.costs().forEach(c -> program.costs.put(c.id(), new Cost(c.id(), c.month(), c.amount(), c.note())));
                p.costs().forEach(c -> nextCostId = Math.max(nextCostId, c.id() + 1));
            }
            if (p.tags() != null) {
                program.tags.putAll(p.tags());
            }
            programs.put(program.id, program);
        }
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
     * REST records translated to MObjects): registers the keys of the objects it touches until the
     * returned {@link InFlight} is closed, and counts the call as overlapping when another call in flight
     * touches one of them. Call it before the injected latency, close it once the answer is produced.
     * <p>
     * Keys: a Program by id; an Opportunity by id and by external key as sent (and by the id the simulator
     * holds for that external key, if any); an OpportunityPersonRole by id or external key if given, by
     * its (Opportunity, person) pair, and it also touches its Opportunity.
     */
    public InFlight enter(List<MObject> objects) {
        Set<String> keys;
        int firstNewId;
        synchronized (this) {
            keys = Collections.unmodifiableSet(keysOf(objects));
            firstNewId = nextObjectId;
        }
        synchronized (flights) {
            boolean overlapping = keys.stream().anyMatch(touchedInFlight::containsKey);
            if (overlapping) {
                overlappingCalls++;
            }
            keys.forEach(key -> touchedInFlight.merge(key, 1, Integer::sum));
            return new InFlight(keys, overlapping, firstNewId);
        }
    }

    /** How many write calls arrived while another call in flight touched one of their objects. */
    public long overlappingCalls() {
        synchronized (flights) {
            return overlappingCalls;
        }
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
        for (Stored opportunity : opportunities.values()) {
            for (String name : opportunityKeyNames) {
                String value = opportunity.attributes.get(name);
                if (value != null) {
                    holders.merge(name + "=" + value, 1, Integer::sum);
                }
            }
        }
        return (int) holders.values().stream().filter(n -> n > 1).count();
    }

    private Set<String> keysOf(List<MObject> objects) {
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
            Integer held = opportunityByKey.get(key(externalKey));
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
                case "Opportunity" -> opportunity.addAll(opportunityKeys(association.getId(), association.getExternalKey()));
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

    private MObjStatus apply(SyncOperationEnum operation, MObject object, InFlight call) {
        try {
            return switch (String.valueOf(object.getType())) {
                case "Program" -> program(operation, object);
                case "Opportunity" -> opportunity(operation, object, call);
                case "OpportunityPersonRole" -> role(operation, object);
                default -> throw new Refusal(MObjStatusEnum.FAILED, "Unknown MObject type: " + object.getType());
            };
        } catch (Refusal refusal) {
            return status(object.getId(), object.getExternalKey(), refusal.status, refusal.getMessage());
        }
    }

    // --- Program: UPDATE only, costs and tags -------------------------------------------------------

    private MObjStatus program(SyncOperationEnum operation, MObject object) {
        if (operation != SyncOperationEnum.UPDATE) {
            throw failed("Program supports only the UPDATE operation, not " + operation.value());
        }
        if (object.getId() == null) {
            throw failed("Program id is required");
        }
        Program program = programs.get(object.getId());
        if (program == null) {
            throw new Refusal(MObjStatusEnum.SKIPPED, "Program " + object.getId() + " does not exist");
        }
        Map<Integer, Cost> costs = new TreeMap<>(program.costs);
        Map<String, String> tags = new TreeMap<>(program.tags);
        List<Cost> newCosts = new ArrayList<>();
        for (TypeAttrib typeAttrib : typeAttribs(object)) {
            Map<String, String> values = values(typeAttrib.getAttrList());
            switch (String.valueOf(typeAttrib.getAttrType())) {
                case "Cost" -> cost(program, values, costs, newCosts);
                case "Tag" -> tag(values, tags);
                default -> throw failed("Unknown attrType: " + typeAttrib.getAttrType());
            }
        }
        boolean changed = !newCosts.isEmpty() || !costs.equals(program.costs) || !tags.equals(program.tags);
        for (Cost cost : newCosts) {
            int id = nextCostId++;
            costs.put(id, new Cost(id, cost.month(), cost.amount(), cost.note()));
        }
        program.costs.clear();
        program.costs.putAll(costs);
        program.tags.clear();
        program.tags.putAll(tags);
        return status(program.id, null, changed ? MObjStatusEnum.UPDATED : MObjStatusEnum.UNCHANGED, null);
    }

    private static void cost(Program program, Map<String, String> values, Map<Integer, Cost> costs, List<Cost> newCosts) {
        String month = values.get("Month");
        String amount = values.get("Amount");
        if (month == null || amount == null) {
            throw failed("Cost requires Month and Amount");
        }
        if (!MONTH.matcher(month).matches()) {
            throw failed("Invalid Cost Month: " + month);
        }
        try {
            new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw failed("Invalid Cost Amount: " + amount);
        }
        String costId = values.get("Id");
        if (costId == null) {
            newCosts.add(new Cost(0, month, amount, values.get("Note")));
            return;
        }
        Integer id = parseInt(costId);
        if (id == null || !costs.containsKey(id)) {
            throw failed("Cost Id " + costId + " not found in Program " + program.id);
        }
        String note = values.containsKey("Note") ? values.get("Note") : costs.get(id).note();
        costs.put(id, new Cost(id, month, amount, note));
    }

    private void tag(Map<String, String> values, Map<String, String> tags) {
        String type = values.get("Type");
        String value = values.get("Value");
        if (type == null || value == null) {
            throw failed("Tag requires Type and Value");
        }
        List<String> allowed = definedTags.get(type);
        if (allowed == null) {
            throw failed("Tag type '" + type + "' is not defined in this instance");
        }
        if (!allowed.contains(value)) {
            throw failed("'" + value + "' is not a value of tag type '" + type + "'");
        }
        tags.put(type, value);
    }

    // --- Opportunity -------------------------------------------------------------------------------

    private MObjStatus opportunity(SyncOperationEnum operation, MObject object, InFlight call) {
        Map<String, String> attributes = values(object.getAttribList());
        checkFields(attributes.keySet(), opportunityFields, "Opportunity");
        Attrib externalKey = object.getExternalKey();
        if (externalKey != null) {
            checkFields(Set.of(externalKey.getName()), opportunityFields, "Opportunity external key");
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
        Stored existing = find(opportunities, opportunityByKey, object);
        if (existing != null && racedCreation(operation, object, existing, call)) {
            existing = null;
        }
        MObjStatus status = upsert(operation, object, existing, opportunities, opportunityByKey, attributes,
                associations, "Opportunity");
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
    private boolean racedCreation(SyncOperationEnum operation, MObject object, Stored existing, InFlight call) {
        return duplicateConcurrentUpserts && call != null && operation == SyncOperationEnum.UPSERT
                && object.getId() == null && object.getExternalKey() != null && existing.id >= call.firstNewId
                && !call.created.contains(existing.id);
    }

    // --- OpportunityPersonRole ---------------------------------------------------------------------

    private MObjStatus role(SyncOperationEnum operation, MObject object) {
        Map<String, String> attributes = values(object.getAttribList());
        checkFields(attributes.keySet(), roleFields, "OpportunityPersonRole");
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
        if (!opportunities.containsKey(opportunityId)) {
            throw failed("Opportunity " + opportunityId + " not found");
        }
        if (parseInt(personRef) != null) {
            attributes.put("PersonId", personRef);
        }
        Attrib externalKey = object.getExternalKey();
        if (externalKey != null) {
            checkFields(Set.of(externalKey.getName()), roleFields, "OpportunityPersonRole external key");
            attributes.put(externalKey.getName(), externalKey.getValue());
        }
        Stored existing = find(roles, roleByKey, object);
        if (existing == null && object.getId() == null && externalKey == null) {
            Integer byPair = roleByKey.get(pairKey(opportunityId, personRef));
            existing = byPair == null ? null : roles.get(byPair);
        }
        MObjStatus status = upsert(operation, object, existing, roles, roleByKey, attributes, List.of(),
                "OpportunityPersonRole");
        if (status.getId() != null) {
            roleByKey.put(pairKey(opportunityId, personRef), status.getId());
        }
        return status;
    }

    private int opportunityId(MObjAssociation association) {
        if (association.getId() != null) {
            return association.getId();
        }
        if (association.getExternalKey() != null) {
            Integer id = opportunityByKey.get(key(association.getExternalKey()));
            if (id != null) {
                return id;
            }
            throw failed("Opportunity " + key(association.getExternalKey()) + " not found");
        }
        throw failed("An Opportunity association needs an id or an externalKey");
    }

    // --- shared create / update rules --------------------------------------------------------------

    private MObjStatus upsert(SyncOperationEnum operation, MObject object, Stored existing, Map<Integer, Stored> store,
            Map<String, Integer> index, Map<String, String> attributes, List<String> associations, String type) {
        if (existing != null) {
            if (operation == SyncOperationEnum.INSERT) {
                throw new Refusal(MObjStatusEnum.SKIPPED, type + " already exists with id " + existing.id);
            }
            boolean changed = false;
            for (Map.Entry<String, String> entry : attributes.entrySet()) {
                String previous = existing.attributes.put(entry.getKey(), entry.getValue());
                if (!Objects.equals(previous, entry.getValue())) {
                    changed = true;
                    index.remove(entry.getKey() + "=" + previous, existing.id);
                }
            }
            if (!associations.isEmpty() && !associations.equals(existing.associations)) {
                existing.associations.clear();
                existing.associations.addAll(associations);
                changed = true;
            }
            indexKeys(existing, index);
            return status(existing.id, object.getExternalKey(),
                    changed ? MObjStatusEnum.UPDATED : MObjStatusEnum.UNCHANGED, null);
        }
        if (operation == SyncOperationEnum.UPDATE) {
            throw new Refusal(MObjStatusEnum.SKIPPED, type + " " + describeKey(object) + " does not exist");
        }
        if (object.getId() != null) {
            throw failed(type + " " + object.getId() + " does not exist; Marketo assigns the ids of new objects");
        }
        if ("Opportunity".equals(type) && isBlank(attributes.get("Name"))) {
            throw failed(NAME_REQUIRED);
        }
        Stored created = new Stored(nextObjectId++);
        created.attributes.putAll(attributes);
        created.associations.addAll(associations);
        store.put(created.id, created);
        indexKeys(created, index);
        return status(created.id, object.getExternalKey(), MObjStatusEnum.CREATED, null);
    }

    private static Stored find(Map<Integer, Stored> store, Map<String, Integer> index, MObject object) {
        if (object.getId() != null) {
            return store.get(object.getId());
        }
        if (object.getExternalKey() != null) {
            Integer id = index.get(key(object.getExternalKey()));
            return id == null ? null : store.get(id);
        }
        return null;
    }

    /** External keys are fields; the most recently written object wins a duplicate value, as in Marketo. */
    private static void indexKeys(Stored object, Map<String, Integer> index) {
        object.attributes.forEach((name, value) -> index.put(name + "=" + value, object.id));
    }

    private static void checkFields(Set<String> names, Set<String> known, String what) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw failed("Unknown attribute for " + what + ": " + name);
            }
        }
    }

    // --- getMObjects -------------------------------------------------------------------------------

    public synchronized ResultGetMObjects get(ParamsGetMObjects params) {
        List<MObject> matches = new ArrayList<>();
        switch (String.valueOf(params.getType())) {
            case "Program" -> programs.values().stream()
                    .filter(p -> params.getId() == null || params.getId() == p.id)
                    .forEach(p -> matches.add(toMObject(p, Boolean.TRUE.equals(params.isIncludeDetails()))));
            case "Opportunity" -> select(opportunities, params, "Opportunity", matches);
            case "OpportunityPersonRole" -> select(roles, params, "OpportunityPersonRole", matches);
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

    private static void select(Map<Integer, Stored> store, ParamsGetMObjects params, String type, List<MObject> out) {
        for (Stored object : store.values()) {
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
            out.add(toMObject(type, object));
        }
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

    private static MObject toMObject(String type, Stored object) {
        MObject mObject = new MObject();
        mObject.setType(type);
        mObject.setId(object.id);
        mObject.setAttribList(attribs(object.attributes));
        return mObject;
    }

    private static MObject toMObject(Program program, boolean details) {
        MObject mObject = new MObject();
        mObject.setType("Program");
        mObject.setId(program.id);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Name", program.name);
        attributes.put("Type", program.type);
        mObject.setAttribList(attribs(attributes));
        if (details) {
            ArrayOfTypeAttrib typeAttribs = new ArrayOfTypeAttrib();
            for (Cost cost : program.costs.values()) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put("Id", String.valueOf(cost.id()));
                values.put("Month", cost.month());
                values.put("Amount", cost.amount());
                if (cost.note() != null) {
                    values.put("Note", cost.note());
                }
                typeAttribs.getTypeAttrib().add(typeAttrib("Cost", values));
            }
            program.tags.forEach((type, value) -> typeAttribs.getTypeAttrib()
                    .add(typeAttrib("Tag", Map.of("Type", type, "Value", value))));
            mObject.setTypeAttribList(typeAttribs);
        }
        return mObject;
    }

    private static TypeAttrib typeAttrib(String attrType, Map<String, String> values) {
        TypeAttrib typeAttrib = new TypeAttrib();
        typeAttrib.setAttrType(attrType);
        typeAttrib.setAttrList(attribs(values));
        return typeAttrib;
    }

    // --- small helpers -----------------------------------------------------------------------------

    private static ArrayOfAttrib attribs(Map<String, String> values) {
        ArrayOfAttrib list = new ArrayOfAttrib();
        values.forEach((name, value) -> {
            Attrib attrib = new Attrib();
            attrib.setName(name);
            attrib.setValue(value);
            list.getAttrib().add(attrib);
        });
        return list;
    }

    private static Map<String, String> values(ArrayOfAttrib list) {
        Map<String, String> values = new LinkedHashMap<>();
        if (list != null) {
            list.getAttrib().forEach(a -> values.put(a.getName(), a.getValue()));
        }
        return values;
    }

    private static List<TypeAttrib> typeAttribs(MObject object) {
        return object.getTypeAttribList() == null ? List.of() : object.getTypeAttribList().getTypeAttrib();
    }

    private static List<MObjAssociation> associations(MObject object) {
        return object.getAssociationList() == null ? List.of() : object.getAssociationList().getMObjAssociation();
    }

    private static MObjStatus status(Integer id, Attrib externalKey, MObjStatusEnum status, String error) {
        MObjStatus result = new MObjStatus();
        result.setId(id);
        result.setExternalKey(externalKey);
        result.setStatus(status);
        result.setError(error);
        return result;
    }

    private static Refusal failed(String message) {
        return new Refusal(MObjStatusEnum.FAILED, message);
    }

    private static String key(Attrib attrib) {
        return attrib.getName() + "=" + attrib.getValue();
    }

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

    private static String describe(MObjAssociation association) {
        return association.getMObjType() + ":" + (association.getId() != null ? association.getId()
                : association.getExternalKey() == null ? "?" : key(association.getExternalKey()));
    }

    private static String describeKey(MObject object) {
        return object.getId() != null ? "with id " + object.getId()
                : object.getExternalKey() != null ? key(object.getExternalKey()) : "without key";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Integer parseInt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
