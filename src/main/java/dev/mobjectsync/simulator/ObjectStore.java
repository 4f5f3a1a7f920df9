package dev.mobjectsync.simulator;

import static dev.mobjectsync.simulator.MObjects.describeKey;
import static dev.mobjectsync.simulator.MObjects.isBlank;
import static dev.mobjectsync.simulator.MObjects.key;
import static dev.mobjectsync.simulator.MObjects.status;
import static dev.mobjectsync.simulator.Refusal.failed;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;
import com.marketo.mktows.MObject;
import com.marketo.mktows.SyncOperationEnum;

/**
 * The stored objects of one type (Opportunities, or OpportunityPersonRoles), the index of their field values
 * ({@code name=value} to id) and Marketo's create and update rules over them. Not thread-safe:
 * {@link SimulatorState} guards it.
 */
final class ObjectStore {

    final Map<Integer, StoredObject> objects = new LinkedHashMap<>();
    final Map<String, Integer> index = new HashMap<>();
    private final String type;

    ObjectStore(String type) {
        this.type = type;
    }

    /**
     * Creates or updates one object of a call as Marketo does: INSERT of an existing one and UPDATE of a missing
     * one are SKIPPED; a new object gets the next id of the instance ({@code newId}).
     */
    MObjStatus upsert(SyncOperationEnum operation, MObject object, StoredObject existing,
            Map<String, String> attributes,
            List<String> associations, IntSupplier newId) {
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
            indexKeys(existing);
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
            throw failed(SimulatorState.NAME_REQUIRED);
        }
        StoredObject created = new StoredObject(newId.getAsInt());
        created.attributes.putAll(attributes);
        created.associations.addAll(associations);
        objects.put(created.id, created);
        indexKeys(created);
        return status(created.id, object.getExternalKey(), MObjStatusEnum.CREATED, null);
    }

    /** The stored object a call's object names by id or external key, or null. */
    StoredObject find(MObject object) {
        if (object.getId() != null) {
            return objects.get(object.getId());
        }
        if (object.getExternalKey() != null) {
            Integer id = index.get(key(object.getExternalKey()));
            return id == null ? null : objects.get(id);
        }
        return null;
    }

    /** External keys are fields; the most recently written object wins a duplicate value, as in Marketo. */
    private void indexKeys(StoredObject object) {
        object.attributes.forEach((name, value) -> index.put(name + "=" + value, object.id));
    }

    static void checkFields(Set<String> names, Set<String> known, String what) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw failed("Unknown attribute for " + what + ": " + name);
            }
        }
    }
}
