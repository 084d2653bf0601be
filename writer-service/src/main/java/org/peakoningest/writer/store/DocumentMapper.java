package org.peakoningest.writer.store;

import org.bson.RawBsonDocument;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeHeader;

/**
 * The stored document of a data record, as bytes, with what orders it against other versions of its {@code _id}:
 * {@code _id} (the contract's key), the raw item's members, then {@code fetched_at}, {@code run_id},
 * {@code endpoint}, {@code source_url}, {@code driver_id} on {@code scores_by_driver}, and
 * {@code _source = {partition, offset}} of the record (the tie-breaker of the writer's never-regress rule).
 * Everything comes from the record, so a replay of the same topics rebuilds the same bytes. The item's elements are
 * copied as {@link JsonToBson} encoded them; nothing is encoded twice.
 *
 * <p>Why bytes and not the driver's {@code BsonBinaryWriter.pipe(reader, extraElements)}: see {@link BsonBytes}.
 */
public final class DocumentMapper {

    private DocumentMapper() {}

    /** The envelope must have no {@link DecodedEnvelope#defect() defect}. */
    public static PendingDocument toPending(
            DecodedEnvelope envelope, PeakonCollection collection, int partition, long offset, Object source) {
        EnvelopeHeader header = envelope.header();
        String fetchedAt = Timestamps.format(header.fetchedAt());
        RawBsonDocument document = document(header, envelope.item(), fetchedAt, collection, partition, offset);
        return new PendingDocument(
                collection, header.key().mongoValue(), fetchedAt, partition, offset, document, source);
    }

    private static RawBsonDocument document(
            EnvelopeHeader header,
            ItemBson item,
            String fetchedAt,
            PeakonCollection collection,
            int partition,
            long offset) {
        boolean byDriver = collection == PeakonCollection.SCORES_BY_DRIVER;
        byte[] bytes = item.bytes();

        BsonBytes out = new BsonBytes(bytes.length + 256);
        int document = out.startDocument();
        Object id = header.key().mongoValue();
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
        writeText(out, DocumentFields.RUN_ID, header.runId());
        writeText(out, DocumentFields.ENDPOINT, header.endpoint());
        writeText(out, DocumentFields.SOURCE_URL, header.sourceUrl());
        if (byDriver) {
            writeText(out, DocumentFields.DRIVER_ID, header.driverId());
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
