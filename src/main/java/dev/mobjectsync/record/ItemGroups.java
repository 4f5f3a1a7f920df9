package dev.mobjectsync.record;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A file's items in groups of consecutive items (the last one shorter), so that the file route can
 * validate and send groups in parallel. Closing it closes the reader.
 */
public final class ItemGroups implements Iterator<List<InputItem>>, Closeable {

    private final RecordReader reader;
    private final int size;

    public ItemGroups(RecordReader reader, int size) {
        this.reader = reader;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
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
        return group;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
