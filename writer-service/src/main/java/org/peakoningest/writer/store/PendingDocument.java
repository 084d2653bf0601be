package org.peakoningest.writer.store;

import java.util.Comparator;
import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;

/**
 * One version of a document ready to be written, with what orders it against other versions of the same
 * {@code _id}: {@code fetched_at} first, then the record's offset (versions of one key share a partition).
 *
 * @param source what the caller wants back when this version is rejected (the Kafka record)
 */
public record PendingDocument(
        PeakonCollection collection,
        Object id,
        String fetchedAt,
        int partition,
        long offset,
        RawBsonDocument document,
        Object source) {

    /** Older versions sort first. */
    static final Comparator<PendingDocument> VERSION_ORDER =
            Comparator.comparing(PendingDocument::fetchedAt).thenComparingLong(PendingDocument::offset);
}
