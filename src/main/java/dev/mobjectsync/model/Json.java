package dev.mobjectsync.model;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** The one Jackson mapper of the pipeline (thread-safe once configured). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads one value at a time from a parser that holds more (array elements, concatenated values). */
    public static final ObjectReader VALUE_READER;

    static {
        MAPPER.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a record naming a field twice is ambiguous: refused (DUPLICATE_FIELD), not "last one wins"
        MAPPER.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build());
        VALUE_READER = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private Json() {
    }
}
