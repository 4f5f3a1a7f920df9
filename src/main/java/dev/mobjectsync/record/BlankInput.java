package dev.mobjectsync.record;

import java.io.BufferedInputStream;
import java.io.IOException;

/** Looks ahead at the start of a stream: does it end before anything but white space and a byte order mark? */
final class BlankInput {

    /** How far to look; a longer run of white space counts as content (the readers then skip it). */
    static final int LOOK_AHEAD = 64 * 1024;
    private static final int[] BYTE_ORDER_MARK = {0xEF, 0xBB, 0xBF};

    private BlankInput() {
    }

    /** Peeks without consuming: the stream is reset to where it was. */
    static boolean isBlank(BufferedInputStream in) throws IOException {
        in.mark(LOOK_AHEAD + 1);
        try {
            for (int i = 0; i <= LOOK_AHEAD; i++) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                boolean bom = i < BYTE_ORDER_MARK.length && b == BYTE_ORDER_MARK[i];
                if (!bom && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }
}
