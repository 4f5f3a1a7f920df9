package dev.mobjectsync.model;

import java.io.Serializable;

/** A name/value pair: an external key or one attribute ({@code Attrib} in Marketo's schema). */
public record KeyValue(String name, String value) implements Serializable {
}
