package dev.mobjectsync.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Generated input: Opportunity UPSERTs with unique external keys, written as NDJSON under a dot-name
 * and renamed into the inbox when complete, the way the README tells users to drop files.
 */
public final class RecordFiles {

    private RecordFiles() {
    }

    /** Writes {@code count} records, numbered from {@code first}, into one file of the inbox. */
    public static Path drop(Path inbox, String name, String prefix, long first, long count) throws IOException {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("." + name + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (long i = first; i < first + count; i++) {
                out.write(line(prefix, i));
                out.write('\n');
            }
        }
        return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The ordered workload, {@code objects} Opportunities numbered from {@code first}, in blocks of 500: each
     * block's UPSERTs, then a role of each (association by external key), then two rounds of UPDATEs of
     * each. Four records per object; every role and update must wait for the earlier records of its
     * Opportunity.
     */
    static Path dropOrdered(Path inbox, String name, String prefix, long first, long objects) throws IOException {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("." + name + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (long block = first; block < first + objects; block += 500) {
                long end = Math.min(block + 500, first + objects);
                for (long i = block; i < end; i++) {
                    out.write(line(prefix, i));
                    out.write('\n');
                }
                for (long i = block; i < end; i++) {
                    out.write("{\"recordId\":\"" + prefix + "r" + i + "\",\"type\":\"OpportunityPersonRole\","
                            + "\"operation\":\"INSERT\",\"attributes\":{\"Role\":\"Champion\"},\"associations\":["
                            + "{\"type\":\"Opportunity\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix
                            + i
                            + "\"}},{\"type\":\"Lead\",\"id\":" + (i % 100_000 + 1) + "}]}\n");
                }
                for (int round = 1; round <= 2; round++) {
                    for (long i = block; i < end; i++) {
                        out.write("{\"recordId\":\"" + prefix + "u" + round + "-" + i + "\",\"type\":\"Opportunity\","
                                + "\"operation\":\"UPDATE\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\""
                                + prefix + i + "\"},\"attributes\":{\"Amount\":\"" + round + "\"}}\n");
                    }
                }
            }
        }
        return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static String line(String prefix, long i) {
        return "{\"recordId\":\"" + prefix + i + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix + i + "\"},"
                + "\"attributes\":{\"Name\":\"Opportunity " + i + "\",\"Amount\":\"" + (i % 10_000) + ".50\","
                + "\"Stage\":\"Prospecting\"}}";
    }
}
