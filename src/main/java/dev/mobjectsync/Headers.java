package dev.mobjectsync;

/** Names of the headers and exchange properties the routes share, in one place. */
public final class Headers {

    /** The aggregation's correlation key (ChunkKeys): one open chunk per source thread. */
    public static final String CHUNK_KEY = "MobjectSyncChunkKey";

    /** Exchange property: the batch the sending stage handed to the gateway seam (the seam's own BATCH changes with halves). */
    public static final String SENT = "MobjectSyncSent";

    /** Exchange property: which channel an outcome goes to, {@link #SUCCESS} or {@link #DEAD_LETTER}. */
    public static final String CHANNEL = "MobjectSyncChannel";
    public static final String SUCCESS = "success";
    public static final String DEAD_LETTER = "dead-letter";

    /** The batch being sent, kept while the body becomes the request and then the answer. */
    public static final String BATCH = "MobjectSyncBatch";

    /** Exchange property: how many times the current batch's call was signed, i.e. attempted. */
    public static final String ATTEMPTS = "MobjectSyncAttempts";

    /** Exchange property: the REST call being made for the current batch (RestCall). */
    public static final String REST_CALL = "MobjectSyncRestCall";

    private Headers() {
    }
}
