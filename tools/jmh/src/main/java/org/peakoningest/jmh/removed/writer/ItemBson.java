// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of stored-documents/src/main/java/org/peakoningest/stored/ItemBson.java as of commit 443f9b0; only
// the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.writer;

/**
 * A raw item as one BSON document, without the top-level members the writer replaces.
 *
 * @param bytes         the BSON document
 * @param driverIdStart where a top-level {@code driver_id} element starts in {@code bytes}, or -1
 * @param driverIdEnd   where it ends (exclusive), or -1
 */
public record ItemBson(byte[] bytes, int driverIdStart, int driverIdEnd) {

    /** Whether the item has a top-level {@code driver_id} member. */
    public boolean hasDriverId() {
        return driverIdStart >= 0;
    }
}
