package dev.mobjectsync.record;

import java.util.NoSuchElementException;

/** A reader of exactly one item, for an input that is one finding as a whole (an empty file). */
final class SingleItemReader implements RecordReader {

    private InputItem item;

    SingleItemReader(InputItem item) {
        this.item = item;
    }

    @Override
    public boolean hasNext() {
        return item != null;
    }

    @Override
    public InputItem next() {
        if (item == null) {
            throw new NoSuchElementException();
        }
        InputItem result = item;
        item = null;
        return result;
    }

    @Override
    public void close() {
        item = null;
    }
}
