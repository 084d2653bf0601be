package org.peakoningest.writer.store;

import org.bson.RawBsonDocument;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.decode.BsonBytes;
import org.peakoningest.writer.decode.DecodedEnvelope;
import org.peakoningest.writer.decode.ItemBson;

/**
 * Builds the stored document of an envelope: {@code _id} (the contract's key), the raw item's members, then
 * {@code fetched_at}, {@code run_id}, {@code endpoint}, {@code source_url}, {@code driver_id} on
 * {@code scores_by_driver}, and {@code _source} = {@code {partition, offset}} of the record, the tie-breaker of
 * the never-regress rule. Everything comes from the record, so a replay of the same topics rebuilds the same bytes.
 *
 * <p>The document is written once, as BSON bytes ({@link RawBsonDocument}): the item's elements are copied as they
 * are, and the driver sends the bytes without encoding a map again.
 */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    /** The envelope must have no {@link DecodedEnvelope#defect() defect}. */
    public static PendingDocument toPending(DecodedEnvelope envelope, PeakonCollection collection, int partition,
                                            long offset, Object source) {
        DocumentKey key = envelope.key();
        Object id = key.mongoValue();
        String fetchedAt = Timestamps.format(envelope.fetchedAt());
        boolean byDriver = collection == PeakonCollection.SCORES_BY_DRIVER;
        ItemBson item = envelope.item();
        byte[] bytes = item.bytes();

        BsonBytes out = new BsonBytes(bytes.length + 256);
        int document = out.startDocument();
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
        RawBsonDocument stored = new RawBsonDocument(out.buffer(), 0, out.position());
        return new PendingDocument(collection, id, fetchedAt, partition, offset, stored, source);
    }

    private static void writeText(BsonBytes out, String name, String value) {
        if (value == null) {
            out.writeNull(name);
        } else {
            out.writeString(name, value);
        }
    }
}
