// THE LIBRARY ALTERNATIVE, not adopted, kept so the decision can be re-measured (docs/performance.md,
// "Per-document CPU"). A verbatim copy of
// writer-service/src/main/java/org/peakoningest/writer/store/EnvelopeDeserializer.java as of commit f02cdfe;
// only the package line and the imports changed. Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.library.writer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.bson.BsonSerializationException;
import org.bson.RawBsonDocument;
import org.peakoningest.jmh.library.common.EnvelopeCodec;
import tools.jackson.core.JacksonException;

/**
 * The writer's Kafka value deserializer for data records: one streaming pass of the contract's
 * {@link EnvelopeCodec}, the item written into BSON as it is read ({@link ItemToBson}); no JSON tree per record.
 *
 * <p>The pass runs with Jackson's duplicate detection: a record with a member named twice (in the envelope or in
 * the item) is read a second time with the item as a tree, where the last value wins as everywhere else in the
 * contract. Bytes that are not an envelope at all throw {@link SerializationException}, which the consumer's
 * {@code ErrorHandlingDeserializer} turns into a dead-letter candidate; so does an item MongoDB cannot store.
 */
public final class EnvelopeDeserializer implements Deserializer<DecodedEnvelope> {

    private static final EnvelopeCodec.Decoder<RawBsonDocument> STREAMED =
            EnvelopeCodec.strictDecoder(ItemToBson.STREAMED);
    private static final EnvelopeCodec.Decoder<RawBsonDocument> VIA_TREE = EnvelopeCodec.decoder(ItemToBson.VIA_TREE);

    @Override
    public DecodedEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            EnvelopeCodec.Decoded<RawBsonDocument> decoded;
            try {
                decoded = STREAMED.decode(data);
            } catch (JacksonException twiceOrUnreadable) {
                decoded = VIA_TREE.decode(data);
            }
            if (decoded == null) {
                throw new SerializationException("not a valid RecordEnvelope on " + topic + ": the value is null");
            }
            return new DecodedEnvelope(decoded.header(), decoded.item(), data);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "not a valid RecordEnvelope on " + topic + ": " + e.getOriginalMessage(), e);
        } catch (NumberFormatException | BsonSerializationException e) {
            throw new SerializationException(
                    "not a valid RecordEnvelope on " + topic + ": MongoDB cannot store the item (" + e.getMessage()
                            + ")",
                    e);
        }
    }
}
