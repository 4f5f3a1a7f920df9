package dev.mobjectsync.config;

import java.nio.charset.StandardCharsets;

/**
 * A secret read from configuration. It never prints itself, so it cannot leak through a log line,
 * an exception message or a dead-letter record by accident; only {@link #bytes()} reveals it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The value itself, for the one API that needs it as text (a JDBC password). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "*****";
    }
}
