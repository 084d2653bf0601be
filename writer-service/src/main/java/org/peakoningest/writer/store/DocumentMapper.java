package org.peakoningest.writer.store;

import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.stored.DecodedEnvelope;
import org.peakoningest.stored.StoredDocuments;

/**
 * A record's stored document ({@link StoredDocuments}) with what orders it against other versions of its
 * {@code _id}.
 */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    /** The envelope must have no {@link DecodedEnvelope#defect() defect}. */
    public static PendingDocument toPending(DecodedEnvelope envelope, PeakonCollection collection, int partition,
                                            long offset, Object source) {
        String fetchedAt = Timestamps.format(envelope.fetchedAt());
        RawBsonDocument document = StoredDocuments.of(envelope, fetchedAt, collection, partition, offset);
        return new PendingDocument(collection, envelope.key().mongoValue(), fetchedAt, partition, offset, document,
                source);
    }
}
