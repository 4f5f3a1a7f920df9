package dev.mobjectsync.record;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntConsumer;

/**
 * A file's items in groups of consecutive items (the last one shorter), so that the file route can
 * validate and send groups in parallel. Closing it closes the reader.
 */
public final class ItemGroups implements Iterator<List<InputItem>>, Closeable {

    private final RecordReader reader;
    private final int size;
    private final IntConsumer read;
    private Runnable done;

    public ItemGroups(RecordReader reader, int size) {
        this(reader, size, count -> {
        }, () -> {
        });
    }

    /** {@code read} hears of every group's size, {@code done} once, when the items run out or on close. */
    public ItemGroups(RecordReader reader, int size, IntConsumer read, Runnable done) {
        this.reader = reader;
        this.size = size;
        this.read = read;
        this.done = done;
    }

    @Override
    public boolean hasNext() {
        boolean more = reader.hasNext();
        if (!more) {
            done();
        }
        return more;
    }

    @Override
    public List<InputItem> next() {
        if (!reader.hasNext()) {
            throw new NoSuchElementException();
        }
        List<InputItem> group = new ArrayList<>(size);
        while (group.size() < size && reader.hasNext()) {
            group.add(reader.next());
        }
        read.accept(group.size());
        return group;
    }

    @Override
    public void close() throws IOException {
        done();
        reader.close();
    }

    private void done() {
        Runnable once = done;
        done = () -> {
        };
        once.run();
    }
}
