package dev.mobjectsync.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Records for the fuzz test: valid records of every type (the shapes of {@code samples/}), most of them
 * mutated by a {@link RecordMutator}. Every Marketo key is unique, so no record waits for another's batch.
 */
final class FuzzCorpus {

    /** One line of input: its bytes, and whether it is an untouched record that Marketo accepts. */
    record Line(byte[] bytes, boolean mustSucceed) {
    }

    private final Random random;
    private final RecordMutator mutator;
    private final double mutatedShare;
    private int next;

    FuzzCorpus(long seed, double mutatedShare) {
        this.random = new Random(seed);
        this.mutator = new RecordMutator(random);
        this.mutatedShare = mutatedShare;
    }

    List<Line> lines(int count) {
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line());
        }
        return lines;
    }

    Line line() {
        int n = next++;
        String record = valid(n);
        if (random.nextDouble() < mutatedShare) {
            return new Line(mutator.mutate(record), false);
        }
        return new Line(record.getBytes(StandardCharsets.UTF_8), acceptedByMarketo(n));
    }

    /** Opportunities that are created (UPSERT of a new external key, INSERT without a key). */
    private static boolean acceptedByMarketo(int n) {
        return n % 10 <= 5;
    }

    /** A valid record of one of ten shapes; its keys are unique to n. */
    static String valid(int n) {
        String id = "fuzz-" + n;
        return switch (n % 10) {
            case 0, 1, 2 ->
                """
                    {"recordId":"%s","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"FZ-%d"},"attributes":{"Name":"Deal %d","Amount":"%d","Probability":"80"}}"""
                        .formatted(id, n, n, n * 10);
            case 3 ->
                """
                    {"recordId":"%s","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"FZ-%d"},"attributes":{"Name":"Q2 %d","Stage":"Negotiation"},"associations":[{"type":"Company","externalKey":{"name":"ExtCompId","value":"ACME"}}]}"""
                        .formatted(id, n, n);
            case 4, 5 ->
                """
                    {"recordId":"%s","type":"Opportunity","operation":"INSERT","attributes":{"Name":"New %d","Amount":"%d.50"}}"""
                        .formatted(id, n, n);
            case 6 ->
                """
                    {"recordId":"%s","type":"Program","operation":"UPDATE","id":%d,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-%02d","Amount":"%d","Id":"153"}}]}"""
                        .formatted(id, 100_000 + n, 1 + n % 12, n);
            case 7 ->
                """
                    {"recordId":"%s","type":"Program","operation":"UPDATE","id":%d,"typeAttributes":[{"attrType":"Tag","attributes":{"Type":"Region","Value":"EMEA"}}]}"""
                        .formatted(id, 100_000 + n);
            case 8 ->
                """
                    {"recordId":"%s","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Champion","IsPrimary":"1"},"associations":[{"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"FZ-%d"}},{"type":"Lead","id":19}]}"""
                        .formatted(id, n - 8);
            default -> """
                    {"recordId":"%s","type":"Opportunity","operation":"UPDATE","id":%d,"attributes":{"Stage":"Won"}}"""
                    .formatted(id, 500_000 + n);
        };
    }
}
