// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of stored-documents/src/main/java/org/peakoningest/stored/StoredDocuments.java as of commit 443f9b0;
// only the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.writer;

import org.bson.RawBsonDocument;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.jmh.removed.common.Timestamps;

/**
 * The stored document of a data record, as bytes: {@code _id} (the contract's key), the raw item's members, then
 * {@code fetched_at}, {@code run_id}, {@code endpoint}, {@code source_url}, {@code driver_id} on
 * {@code scores_by_driver}, and {@code _source = {partition, offset}} of the record (the tie-breaker of the
 * writer's never-regress rule). Everything comes from the record, so a replay of the same topics rebuilds the same
 * bytes. The item's elements are copied as {@link EnvelopeDeserializer} encoded them; nothing is encoded twice.
 */
public final class StoredDocuments {

    private StoredDocuments() {}

    /**
     * @param envelope   an envelope without {@link DecodedEnvelope#defect() defect}
     * @param collection its collection
     * @param partition  the record's partition
     * @param offset     the record's offset
     */
    public static RawBsonDocument of(
            DecodedEnvelope envelope, PeakonCollection collection, int partition, long offset) {
        return of(envelope, Timestamps.format(envelope.fetchedAt()), collection, partition, offset);
    }

    /**
     * The same, for a caller that has formatted {@code fetched_at} already (the writer orders versions by it):
     * formatting it once per record, not twice.
     *
     * @param fetchedAt {@code Timestamps.format(envelope.fetchedAt())}
     */
    public static RawBsonDocument of(
            DecodedEnvelope envelope, String fetchedAt, PeakonCollection collection, int partition, long offset) {
        boolean byDriver = collection == PeakonCollection.SCORES_BY_DRIVER;
        ItemBson item = envelope.item();
        byte[] bytes = item.bytes();

        BsonBytes out = new BsonBytes(bytes.length + 256);
        int document = out.startDocument();
        Object id = envelope.key().mongoValue();
        if (id instanceof Integer small) {
            out.writeInt32(DocumentFields.ID, small);
        } else if (id instanceof Long wide) {
            out.writeInt64(DocumentFields.ID, wide);
        } else {
            out.writeString(DocumentFields.ID, (String) id);
        }
        // The item's elements, between its 4-byte length and its terminating 0. On scores_by_driver the envelope's
        // driver_id replaces an item member of that name.
        if (byDriver && item.hasDriverId()) {
            out.append(bytes, 4, item.driverIdStart() - 4);
            out.append(bytes, item.driverIdEnd(), bytes.length - 1 - item.driverIdEnd());
        } else {
            out.append(bytes, 4, bytes.length - 5);
        }
        out.writeString(DocumentFields.FETCHED_AT, fetchedAt);
        writeText(out, DocumentFields.RUN_ID, envelope.runId());
        writeText(out, DocumentFields.ENDPOINT, envelope.endpoint());
        writeText(out, DocumentFields.SOURCE_URL, envelope.sourceUrl());
        if (byDriver) {
            writeText(out, DocumentFields.DRIVER_ID, envelope.driverId());
        }
        int coordinates = out.startDocument(DocumentFields.SOURCE);
        out.writeInt32("partition", partition);
        out.writeInt64("offset", offset);
        out.endDocument(coordinates);
        out.endDocument(document);
        return new RawBsonDocument(out.buffer(), 0, out.position());
    }

    private static void writeText(BsonBytes out, String name, String value) {
        if (value == null) {
            out.writeNull(name);
        } else {
            out.writeString(name, value);
        }
    }
}
