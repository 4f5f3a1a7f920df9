package dev.mobjectsync.model;

import java.io.Serializable;

/** A name/value pair: an external key or one attribute ({@code Attrib} in Marketo's schema). */
public record KeyValue(String name, String value) implements Serializable {

    /**
     * The name of a key that is Marketo's own id of an existing object (REST's {@code marketoGUID}), not an
     * external key: a REST call is keyed by one kind or the other, never both.
     */
    public static final String MARKETO_GUID = "marketoGUID";

    /** Whether this key is Marketo's own id of the object ({@link #MARKETO_GUID}). */
    public boolean isMarketoGuid() {
        return MARKETO_GUID.equals(name);
    }
}
