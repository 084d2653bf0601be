package org.peakoningest.writer.store;

/**
 * A raw item as one BSON document, without the top-level members the writer replaces.
 *
 * @param bytes         the BSON document
 * @param driverIdStart where a top-level {@code driver_id} element starts in {@code bytes}, or -1
 * @param driverIdEnd   where it ends (exclusive), or -1
 */
record ItemBson(byte[] bytes, int driverIdStart, int driverIdEnd) {

    /** Whether the item has a top-level {@code driver_id} member. */
    public boolean hasDriverId() {
        return driverIdStart >= 0;
    }
}
