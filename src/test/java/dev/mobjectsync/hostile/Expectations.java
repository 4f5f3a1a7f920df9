package dev.mobjectsync.hostile;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;

/**
 * What must come out of the channels, by exact source ref: for each ref the reason code of its dead
 * letter, {@link HostileInput#SUCCESS}, or {@link #ANY} channel. Checks that every ref left exactly once, in the right channel
 * with the right code, and that nothing else came out (in == success + dead-letter).
 */
final class Expectations {

    /** The item must leave exactly once, through either channel. */
    static final String ANY = "ANY";

    private record Expected(String what, String outcome) {
    }

    private final Map<String, Expected> byRef = new LinkedHashMap<>();

    void expect(String ref, String what, String outcome) {
        if (byRef.put(ref, new Expected(what, outcome)) != null) {
            throw new IllegalArgumentException("two expectations for " + ref);
        }
    }

    int size() {
        return byRef.size();
    }

    /**
     * Waits until as many envelopes as expected are out and their number has stayed put for a while (or
     * the time is up: the mismatches then say what is missing).
     */
    ChannelContents awaitAll(Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> ChannelContents.read().total() >= byRef.size());
            await().during(Duration.ofSeconds(2)).atMost(atMost).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> ChannelContents.read().total() == byRef.size());
        } catch (ConditionTimeoutException e) {
            // reported by mismatches()
        }
        return ChannelContents.read();
    }

    /** Every mismatch, one per line (empty when all is as expected). */
    List<String> mismatches(ChannelContents out) {
        List<String> problems = new ArrayList<>();
        byRef.forEach((ref, expected) -> {
            List<ChannelContents.Delivered> found = out.at(ref);
            if (found.size() != 1) {
                problems.add(expected.what() + " [" + ref + "]: expected exactly one envelope, found " + found.size());
                return;
            }
            ChannelContents.Delivered delivered = found.get(0);
            if (ANY.equals(expected.outcome())) {
                return;
            }
            if (HostileInput.SUCCESS.equals(expected.outcome())) {
                if (!"success".equals(delivered.channel())) {
                    problems.add(expected.what() + " [" + ref + "]: expected success, got " + delivered.envelope().get(
                            "error"));
                }
            } else if (!"dead-letter".equals(delivered.channel()) || !expected.outcome().equals(delivered.code())
                    || !"validation".equals(delivered.envelope().at("/error/stage").asText())) {
                problems.add(expected.what() + " [" + ref + "]: expected " + expected.outcome() + ", got "
                        + delivered.channel() + " " + delivered.envelope().path("error"));
            }
        });
        out.byRef.forEach((ref, found) -> {
            if (!byRef.containsKey(ref)) {
                problems.add("unexpected envelope(s) at " + ref + ": " + found.size());
            }
        });
        if (out.total() != byRef.size()) {
            problems.add("in " + byRef.size() + " != success " + out.success + " + dead-letter " + out.deadLetter);
        }
        return problems;
    }
}
