package org.peakoningest.writer.store;

import java.util.Optional;
import org.peakoningest.common.envelope.EnvelopeHeader;

/**
 * A data record as the writer reads it ({@link EnvelopeDeserializer}): the envelope's header fields, the item
 * already converted to BSON (never a JSON tree), and the record's original bytes, which go to the dead-letter topic
 * unchanged when the record cannot be written.
 *
 * @param item     the item as BSON ({@link JsonToBson}), or null when the envelope's {@code item} is missing or not
 *                 an object
 * @param original the record value exactly as it was on the topic
 */
public record DecodedEnvelope(EnvelopeHeader header, ItemBson item, byte[] original) {

    /** Why this envelope cannot be written as a document (the contract's rule), or empty when it can. */
    public Optional<String> defect() {
        return header.defect(item != null);
    }
}
