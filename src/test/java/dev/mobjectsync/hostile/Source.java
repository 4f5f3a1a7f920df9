package dev.mobjectsync.hostile;

/** Where a hostile input is delivered: a file of one of the three formats, a Kafka or a JMS message. */
enum Source {
    NDJSON_FILE("ndjson"),
    JSON_FILE("json"),
    CSV_FILE("csv"),
    KAFKA(null),
    JMS(null);

    /** The file extension, or null for a message. */
    final String extension;

    Source(String extension) {
        this.extension = extension;
    }

    boolean isFile() {
        return extension != null;
    }
}
