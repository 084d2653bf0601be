// THE LIBRARY ALTERNATIVE, not adopted, kept so the decision can be re-measured (docs/performance.md,
// "Per-document CPU"). A verbatim copy of
// writer-service/src/main/java/org/peakoningest/writer/store/DecodedEnvelope.java as of commit f02cdfe;
// only the package line and the imports changed. Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.library.writer;

import java.util.Optional;
import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.EnvelopeHeader;

/**
 * A data record as the writer reads it ({@link EnvelopeDeserializer}): the envelope's header fields, the start of
 * the stored document already in BSON (never a JSON tree), and the record's original bytes, which go to the
 * dead-letter topic unchanged when the record cannot be written.
 *
 * @param document {@code _id} and the item's members as BSON ({@link ItemToBson}), or null when the envelope's
 *                 {@code item} is missing or not an object
 * @param original the record value exactly as it was on the topic
 */
public record DecodedEnvelope(EnvelopeHeader header, RawBsonDocument document, byte[] original) {

    /** Why this envelope cannot be written as a document (the contract's rule), or empty when it can. */
    public Optional<String> defect() {
        return header.defect(document != null);
    }

    /** The collection, when it is one of the contract's. */
    public Optional<PeakonCollection> knownCollection() {
        return header.knownCollection();
    }
}
