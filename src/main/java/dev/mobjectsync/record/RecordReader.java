package dev.mobjectsync.record;

import java.io.Closeable;
import java.util.Iterator;

/** Streams the items of one input, one at a time, so that input size never matters. */
public interface RecordReader extends Iterator<InputItem>, Closeable {
}
