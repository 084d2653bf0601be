package org.peakoningest.writer.store;

import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.decode.DecodedEnvelope;
import org.peakoningest.writer.decode.ItemBson;

/**
 * Builds the stored document of an envelope: {@code _id} (the contract's key), the raw item's members, then
 * {@code fetched_at}, {@code run_id}, {@code endpoint}, {@code source_url}, {@code driver_id} on
 * {@code scores_by_driver}, and {@value #SOURCE} = {@code {partition, offset}} of the record, the tie-breaker of
 * the never-regress rule. Everything comes from the record, so a replay of the same topics rebuilds the same bytes.
 *
 * <p>The document is written once, as BSON bytes ({@link RawBsonDocument}): the item's elements are copied as they
 * are, and the driver sends the bytes without encoding a map again.
 */
public final class DocumentMapper {

    /** Where in its topic this version came from: {@code {partition: int, offset: long}}. */
    public static final String SOURCE = "_source";

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

        BasicOutputBuffer out = new BasicOutputBuffer(bytes.length + 256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writer.writeStartDocument();
            writer.writeName(DocumentFields.ID);
            if (id instanceof Integer small) {
                writer.writeInt32(small);
            } else if (id instanceof Long wide) {
                writer.writeInt64(wide);
            } else {
                writer.writeString((String) id);
            }
            // The item's elements, between its 4-byte length and its terminating 0. On scores_by_driver the
            // envelope's driver_id replaces an item member of that name.
            if (byDriver && item.hasDriverId()) {
                out.writeBytes(bytes, 4, item.driverIdStart() - 4);
                out.writeBytes(bytes, item.driverIdEnd(), bytes.length - 1 - item.driverIdEnd());
            } else {
                out.writeBytes(bytes, 4, bytes.length - 5);
            }
            writer.writeString(DocumentFields.FETCHED_AT, fetchedAt);
            writeText(writer, DocumentFields.RUN_ID, envelope.runId());
            writeText(writer, DocumentFields.ENDPOINT, envelope.endpoint());
            writeText(writer, DocumentFields.SOURCE_URL, envelope.sourceUrl());
            if (byDriver) {
                writeText(writer, DocumentFields.DRIVER_ID, envelope.driverId());
            }
            writer.writeStartDocument(SOURCE);
            writer.writeInt32("partition", partition);
            writer.writeInt64("offset", offset);
            writer.writeEndDocument();
            writer.writeEndDocument();
        }
        RawBsonDocument document = new RawBsonDocument(out.getInternalBuffer(), 0, out.getPosition());
        return new PendingDocument(collection, id, fetchedAt, partition, offset, document, source);
    }

    private static void writeText(BsonBinaryWriter writer, String name, String value) {
        if (value == null) {
            writer.writeNull(name);
        } else {
            writer.writeString(name, value);
        }
    }
}
