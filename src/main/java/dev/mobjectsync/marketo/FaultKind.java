package dev.mobjectsync.marketo;

/** What a failed call means for its batch, as the gateway that made the call reads its fault code. */
public enum FaultKind {
    /** The batch's content was refused as a whole (or cannot go in one call): sent again in halves. */
    CONTENT,
    /** The call may succeed later (limits, internal errors, transport): sent again after a back-off. */
    RETRYABLE,
    /** Marketo's daily quota is spent: every call waits for the quota to reset. */
    QUOTA_SPENT,
    /** Trying again cannot help (authentication, access, a refused request): the records are dead-lettered. */
    FINAL
}
