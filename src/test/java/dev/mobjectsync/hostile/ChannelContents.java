package dev.mobjectsync.hostile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.pipeline.Outbox;

/**
 * What the two file channels hold, by source ref: the one key every envelope has, also for input that
 * could not be parsed at all (its recordId is then the ref too).
 */
final class ChannelContents {

    /** One envelope and the channel it was found in. */
    record Delivered(String channel, JsonNode envelope) {
        String code() {
            return envelope.at("/error/code").asText(null);
        }
    }

    final Map<String, List<Delivered>> byRef = new HashMap<>();
    final int success;
    final int deadLetter;

    private ChannelContents(List<JsonNode> success, List<JsonNode> deadLetter) {
        this.success = success.size();
        this.deadLetter = deadLetter.size();
        success.forEach(e -> add("success", e));
        deadLetter.forEach(e -> add("dead-letter", e));
    }

    static ChannelContents read() {
        return new ChannelContents(Outbox.success(""), Outbox.deadLetter(""));
    }

    private void add(String channel, JsonNode envelope) {
        byRef.computeIfAbsent(envelope.at("/source/ref").asText(), k -> new ArrayList<>())
                .add(new Delivered(channel, envelope));
    }

    int total() {
        return success + deadLetter;
    }

    List<Delivered> at(String ref) {
        return byRef.getOrDefault(ref, List.of());
    }
}
