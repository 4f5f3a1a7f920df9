package dev.mobjectsync.model;

import java.io.Serializable;

/** Where a record came from: the source kind ({@code file}, {@code kafka}, {@code jms}) and its place there. */
public record SourceRef(String channel, String ref) implements Serializable {

    public static SourceRef fileLine(String fileName, long line) {
        return new SourceRef("file", fileName + "#" + line);
    }

    /** The ref of the index-th element of an array found at this ref. */
    public SourceRef element(int index) {
        return new SourceRef(channel, ref + "[" + index + "]");
    }
}
