// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of stored-documents/src/main/java/org/peakoningest/stored/DecodedEnvelope.java as of commit 443f9b0;
// only the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.writer;

import java.time.Instant;
import java.util.Optional;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.keys.DocumentKey;

/**
 * A {@link RecordEnvelope} as the writer reads it: the header fields, the item already converted to BSON (never a
 * JSON tree), and the record's original bytes, which go to the dead-letter topic unchanged when the record cannot
 * be written.
 *
 * @param item     the item as BSON, or null when the envelope's {@code item} is missing or not an object
 * @param original the record value exactly as it was on the topic
 */
public record DecodedEnvelope(
        String runId,
        String collection,
        String endpoint,
        String sourceUrl,
        Instant fetchedAt,
        DocumentKey key,
        String driverId,
        ItemBson item,
        byte[] original) {

    /** Why this envelope cannot be written as a document (the contract's rule), or empty when it can. */
    public Optional<String> defect() {
        return RecordEnvelope.defectOf(runId, collection, fetchedAt, key, item != null);
    }

    /** The collection, when it is one of the contract's. */
    public Optional<PeakonCollection> knownCollection() {
        return PeakonCollection.fromName(collection);
    }
}
