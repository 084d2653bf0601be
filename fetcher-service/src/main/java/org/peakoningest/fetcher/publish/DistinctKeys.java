package org.peakoningest.fetcher.publish;

import java.util.HashSet;
import java.util.Set;
import org.peakoningest.common.keys.DocumentKey;

/**
 * Counts the distinct document keys of one collection in one run, so the run events can say how many documents a
 * consumer should find even when a record was published twice (a page re-read after a failure mid-stream).
 *
 * <p>Numeric keys (answers, employees: nearly all of them) go into an open-addressing set of primitive longs, 8 bytes
 * per slot: a million answers cost 16 MB instead of ~60 MB of boxed {@code Long}s in a {@code HashSet}. Not
 * thread-safe; callers synchronise.
 */
final class DistinctKeys {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = newSlots(1024);
    private int numericCount;
    private boolean containsEmptyMarker;
    private final Set<String> textKeys = new HashSet<>();

    void add(DocumentKey key) {
        if (key instanceof DocumentKey.Numeric numeric) {
            addLong(numeric.value());
        } else {
            textKeys.add(((DocumentKey.Text) key).value());
        }
    }

    long count() {
        return numericCount + (containsEmptyMarker ? 1 : 0) + textKeys.size();
    }

    private void addLong(long value) {
        if (value == EMPTY) {
            containsEmptyMarker = true;
            return;
        }
        if ((numericCount + 1) * 2L > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            numericCount++;
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = mix(value) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        return true;
    }

    private void grow() {
        long[] bigger = newSlots(slots.length * 2);
        for (long value : slots) {
            if (value != EMPTY) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }

    private static long[] newSlots(int size) {
        long[] table = new long[size];
        java.util.Arrays.fill(table, EMPTY);
        return table;
    }

    /** Spreads sequential ids (answer ids are nearly consecutive) over the table. */
    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
