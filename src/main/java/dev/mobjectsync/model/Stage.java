package dev.mobjectsync.model;

/** Where a record failed: its own content, Marketo's answer, or the way to Marketo. */
public enum Stage {
    VALIDATION,
    MARKETO,
    TRANSPORT;

    public String wireName() {
        return name().toLowerCase();
    }
}
