package dev.mobjectsync.simulator;

import static dev.mobjectsync.simulator.MObjects.attribs;
import static dev.mobjectsync.simulator.MObjects.parseInt;
import static dev.mobjectsync.simulator.MObjects.status;
import static dev.mobjectsync.simulator.MObjects.typeAttrib;
import static dev.mobjectsync.simulator.MObjects.typeAttribs;
import static dev.mobjectsync.simulator.MObjects.values;
import static dev.mobjectsync.simulator.Refusal.failed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.marketo.mktows.ArrayOfTypeAttrib;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.SyncOperationEnum;
import com.marketo.mktows.TypeAttrib;

/**
 * The simulated instance's Programs: seeded, never created; UPDATE adds or changes period costs and sets
 * tags of the types (and values) the instance defines. Not thread-safe: {@link SimulatorState} guards it.
 */
final class SeededPrograms {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

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

    private final Map<String, List<String>> definedTags;
    private final Map<Integer, Program> programs = new TreeMap<>();
    private int nextCostId = 5001;

    SeededPrograms(Seed seed) {
        this.definedTags = seed.tags() == null ? Map.of() : seed.tags();
        for (Seed.SeedProgram p : seed.programs() == null ? List.<Seed.SeedProgram>of() : seed.programs()) {
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

    /** Applies one Program of a call; throws a {@link Refusal} when it is not applied. */
    MObjStatus update(SyncOperationEnum operation, MObject object) {
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

    /** The Programs with this id (all when null) as getMObjects answers them, with costs and tags if {@code details}. */
    List<MObject> get(Integer id, boolean details) {
        return programs.values().stream().filter(p -> id == null || id == p.id).map(p -> toMObject(p, details))
                .toList();
    }

    private static void cost(Program program, Map<String, String> values, Map<Integer, Cost> costs,
            List<Cost> newCosts) {
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
}
