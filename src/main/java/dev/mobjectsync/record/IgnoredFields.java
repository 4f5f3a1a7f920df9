package dev.mobjectsync.record;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level fields a record may carry beyond the format's own: those the channels add to a record
 * ({@code result}, {@code error}, {@code source}, {@code raw}), so a dead letter replays as it is, and
 * those listed in {@code mobject-sync.validation.ignored-fields} (the sender's own metadata). Any other
 * field is a mistake (a typo such as {@code atributes}) and refuses the record, or the CSV file's header.
 */
public final class IgnoredFields {

    /** What the channels add to a record (EnvelopeWriter). */
    public static final Set<String> CHANNEL_FIELDS = Set.of("result", "error", "source", "raw");
    public static final String KEY = "mobject-sync.validation.ignored-fields";

    private final Set<String> configured;

    public IgnoredFields(Collection<String> configured) {
        this.configured = Set.copyOf(configured);
    }

    public static IgnoredFields channelFieldsOnly() {
        return new IgnoredFields(Set.of());
    }

    public boolean ignores(String field) {
        return CHANNEL_FIELDS.contains(field) || configured.contains(field);
    }

    /** For messages: the fields that are ignored, sorted. */
    public String describe() {
        Set<String> all = new TreeSet<>(CHANNEL_FIELDS);
        all.addAll(configured);
        return String.join(", ", all);
    }
}
