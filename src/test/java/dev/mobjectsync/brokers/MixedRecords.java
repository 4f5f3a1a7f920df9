package dev.mobjectsync.brokers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mixed records (three types, three operations, some invalid) whose channel is known in advance:
 * every tenth is invalid, some UPDATE a missing Opportunity (SKIPPED), some are roles of a missing
 * Opportunity (FAILED), a few update Program costs, the rest create Opportunities. Every record names an
 * object of its own, except the Program cost updates (all of Program 2001, so they go one call after another).
 */
public final class MixedRecords {

    /** recordId → expected channel ({@code success} or {@code dead-letter}), in generation order. */
    public final Map<String, String> expected = new LinkedHashMap<>();
    public final List<String> json = new ArrayList<>();

    public MixedRecords(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            if (i % 10 == 0) {
                add(id, "dead-letter",
                        """
                        {"recordId":"%s","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"13/2014","Amount":"5"}}]}""");
            } else if (i % 10 == 1) {
                add(id, "dead-letter",
                        """
                        {"recordId":"%s","type":"Opportunity","operation":"UPDATE","externalKey":{"name":"ExtOpptyId","value":"MISSING-%1$s"},"attributes":{"Stage":"Won"}}""");
            } else if (i % 10 == 2) {
                // each of a missing Opportunity of its own: roles of one Opportunity go one call after another
                add(id, "dead-letter",
                        """
                        {"recordId":"%%s","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"OpportunityId":"%d","PersonId":"19"}}"""
                                .formatted(900_000_000 + i));
            } else if (i % 50 == 3) {
                add(id, "success",
                        """
                        {"recordId":"%%s","type":"Program","operation":"UPDATE","id":2001,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2015-%02d","Amount":"%d"}}]}"""
                                .formatted(1 + (i / 50) % 12, i));
            } else if (i % 2 == 0) {
                add(id, "success",
                        """
                        {"recordId":"%s","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"EXT-%1$s"},"attributes":{"Name":"Deal %1$s","Amount":"100"}}""");
            } else {
                add(id, "success",
                        """
                        {"recordId":"%s","type":"Opportunity","operation":"INSERT","attributes":{"Name":"Deal %1$s","Amount":"250.50"}}""");
            }
        }
    }

    private void add(String id, String channel, String template) {
        expected.put(id, channel);
        json.add(template.formatted(id));
    }

    public long count(String channel) {
        return expected.values().stream().filter(channel::equals).count();
    }
}
