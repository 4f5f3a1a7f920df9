package dev.mobjectsync.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open batches that did not change between two looks at the repository: a batch whose completion
 * timeout would long have fired unless the instance tracking it died. Each look hands in every open
 * batch's version and gets back those that still had the same version at the previous look.
 */
public final class IdleBatches {

    private Map<String, Long> lastLook = Map.of();

    public synchronized List<String> unchangedSinceLastLook(Map<String, Long> versionsNow) {
        List<String> idle = versionsNow.entrySet().stream()
                .filter(open -> open.getValue().equals(lastLook.get(open.getKey())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        lastLook = new HashMap<>(versionsNow);
        return idle;
    }
}
