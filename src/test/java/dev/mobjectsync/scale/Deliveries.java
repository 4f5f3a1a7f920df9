package dev.mobjectsync.scale;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.model.Json;

/** What the file channels of several instances hold together: for each recordId, where it came out. */
final class Deliveries {

    /** One line of a channel: which instance wrote it, to which channel. */
    record Delivery(String instance, String channel) {
    }

    private final Map<String, List<Delivery>> byRecord = new HashMap<>();

    /**
     * Reads the success and dead-letter folders of each instance (name → process). A line torn by a
     * SIGKILL in the middle of a write is not a delivery (its batch was not confirmed, so it is sent again).
     */
    static Deliveries read(Map<String, AppProcess> instances) throws IOException {
        Deliveries deliveries = new Deliveries();
        for (Map.Entry<String, AppProcess> instance : instances.entrySet()) {
            for (String channel : List.of("success", "dead-letter")) {
                for (String line : instance.getValue().channelLines(channel)) {
                    try {
                        JsonNode envelope = Json.MAPPER.readTree(line);
                        deliveries.byRecord.computeIfAbsent(envelope.path("recordId").asText(), id -> new ArrayList<>(
                                1))
                                .add(new Delivery(instance.getKey(), channel));
                    } catch (JsonProcessingException torn) {
                        System.out.println("scale-out test: torn line skipped: " + line.substring(0, Math.min(80, line
                                .length())));
                    }
                }
            }
        }
        return deliveries;
    }

    List<Delivery> of(String recordId) {
        return byRecord.getOrDefault(recordId, List.of());
    }

    boolean containsAll(Collection<String> recordIds) {
        return byRecord.keySet().containsAll(recordIds);
    }

    long lost(Collection<String> recordIds) {
        return recordIds.stream().filter(id -> !byRecord.containsKey(id)).count();
    }

    /** Deliveries beyond the first, summed over the records. */
    long duplicates(Collection<String> recordIds) {
        return recordIds.stream().mapToLong(id -> Math.max(0, of(id).size() - 1)).sum();
    }

    /** Of these records, how many each instance delivered. */
    Map<String, Long> byInstance(Collection<String> recordIds) {
        Map<String, Long> counts = new HashMap<>();
        recordIds.forEach(id -> of(id).forEach(delivery -> counts.merge(delivery.instance(), 1L, Long::sum)));
        return counts;
    }

    int size() {
        return byRecord.size();
    }
}
