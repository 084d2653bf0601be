package org.peakoningest.common.envelope;

import java.time.Instant;
import java.util.Optional;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKey;

/**
 * The fields of a {@link RecordEnvelope} other than its item, as {@link EnvelopeCodec} read them: for a consumer that
 * reads the item its own way (e.g. straight into BSON) and never builds it as a tree.
 */
public record EnvelopeHeader(
        int schemaVersion,
        String runId,
        String collection,
        String endpoint,
        String sourceUrl,
        Instant fetchedAt,
        DocumentKey key,
        String driverId) {

    /** Why the envelope cannot be written as a document ({@link RecordEnvelope#defect()}), or empty when it can. */
    public Optional<String> defect(boolean itemIsObject) {
        return RecordEnvelope.defectOf(schemaVersion, runId, collection, fetchedAt, key, itemIsObject);
    }

    /** The collection, when it is one of the contract's. */
    public Optional<PeakonCollection> knownCollection() {
        return PeakonCollection.fromName(collection);
    }
}
