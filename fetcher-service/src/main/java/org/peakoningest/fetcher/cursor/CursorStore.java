package org.peakoningest.fetcher.cursor;

import java.util.OptionalLong;

/** Reads and advances the incremental-crawl cursors. */
public interface CursorStore {

    OptionalLong read(Cursor cursor);

    /**
     * Raises the cursor to {@code seen} (never lowers it). Call only once every record up to {@code seen} has been
     * acknowledged by Kafka.
     */
    void advance(Cursor cursor, long seen);
}
