package dev.mobjectsync;

/**
 * Names of the headers and exchange properties the routes and their beans share, in one place: every name
 * that routes/*.camel.yaml uses is the value of one of these constants, or one of Camel's own
 * ({@code org.apache.camel.Exchange}); RouteContractTest keeps it so.
 */
public final class Headers {

    /** The aggregation's correlation key (ChunkKeys): one open chunk per source thread. */
    public static final String CHUNK_KEY = "MobjectSyncChunkKey";

    /** Exchange property: the batch the sending stage handed to the gateway seam (the seam's own BATCH changes with halves). */
    public static final String SENT = "MobjectSyncSent";

    /** Exchange property: which channel an outcome goes to, {@code Channels.SUCCESS} or {@code Channels.DEAD_LETTER}. */
    public static final String CHANNEL = "MobjectSyncChannel";

    /** The batch being sent, kept while the body becomes the request and then the answer. */
    public static final String BATCH = "MobjectSyncBatch";

    /** Exchange property: how many times the current batch's call was signed, i.e. attempted. */
    public static final String ATTEMPTS = "MobjectSyncAttempts";

    /** Exchange property: the batch failed for its content and its body is now its two halves (PoisonIsolation). */
    public static final String SPLIT = "MobjectSyncSplit";

    /** Exchange property: the REST call being made for the current batch (RestCall). */
    public static final String REST_CALL = "MobjectSyncRestCall";

    /** Exchange property of a unit in the accept-file-unit route: its sorted records (FileUnits.Sorted). */
    public static final String UNIT = "MobjectSyncUnit";

    /** Exchange property of a unit: what earlier runs settled of it (Checkpoints.Left). */
    public static final String UNIT_LEFT = "MobjectSyncUnitLeft";

    /** Exchange property: the channel write being sent (ChannelWrites.Write). */
    public static final String WRITE = "MobjectSyncWrite";

    private Headers() {
    }
}
