package dev.mobjectsync.hostile;

/**
 * One row of the catalogue: a kind of bad input, the source it is delivered on, its bytes, and the reason
 * code its dead letter must carry ({@link #SUCCESS} for input a user expects to be accepted).
 * {@code refSuffix} locates the item within its unit: for a file {@code #<line>} (with {@code [i]} for an
 * array element), for a message "" or {@code [i]}.
 */
record HostileInput(String kind, Source source, byte[] bytes, String expected, String refSuffix) {

    static final String SUCCESS = "SUCCESS";

    boolean expectsSuccess() {
        return SUCCESS.equals(expected);
    }

    @Override
    public String toString() {
        return kind + " via " + source + " → " + expected;
    }
}
