package dev.mobjectsync.model;

import java.io.Serializable;
import java.util.Map;

/** A Program's {@code typeAttrib}: {@code Cost} or {@code Tag} with its name/value attributes, in input order. */
public record TypeAttribute(String attrType, Map<String, String> attributes) implements Serializable {
}
