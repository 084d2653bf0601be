// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of writer-service/src/main/java/org/peakoningest/writer/store/DocumentMapper.java as of commit
// 443f9b0; only the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.writer;

import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.jmh.removed.common.Timestamps;
import org.peakoningest.writer.store.PendingDocument;

/**
 * A record's stored document ({@link StoredDocuments}) with what orders it against other versions of its
 * {@code _id}.
 */
public final class DocumentMapper {

    private DocumentMapper() {}

    /** The envelope must have no {@link DecodedEnvelope#defect() defect}. */
    public static PendingDocument toPending(
            DecodedEnvelope envelope, PeakonCollection collection, int partition, long offset, Object source) {
        String fetchedAt = Timestamps.format(envelope.fetchedAt());
        RawBsonDocument document = StoredDocuments.of(envelope, fetchedAt, collection, partition, offset);
        return new PendingDocument(
                collection, envelope.key().mongoValue(), fetchedAt, partition, offset, document, source);
    }
}
