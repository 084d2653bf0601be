package org.peakoningest.writer.store;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.bson.BsonSerializationException;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The writer's Kafka value deserializer for data records: one streaming pass of the contract's
 * {@link EnvelopeCodec}, the item written into BSON as it is read ({@link JsonToBson}); no JSON tree per record.
 * Building a tree per item and a {@code Document} per tree was the writer's largest cost (about 22 KB of garbage per
 * record; see docs/performance.md).
 *
 * <p>An item that names a member twice (in any of its objects) is read a second time as a tree, where the last
 * value wins at the first one's place, as everywhere else in the contract. Bytes that are not an envelope throw
 * {@link SerializationException}, which the consumer's {@code ErrorHandlingDeserializer} turns into a dead-letter
 * candidate; so does an item MongoDB cannot store.
 */
public final class EnvelopeDeserializer implements Deserializer<DecodedEnvelope> {

    private static final EnvelopeCodec.Decoder<ItemBson> STREAMED = EnvelopeCodec.decoder(parser ->
            parser.currentToken() == JsonToken.START_OBJECT ? JsonToBson.convert(parser) : notAnObject(parser));

    private static final EnvelopeCodec.Decoder<ItemBson> VIA_TREE = EnvelopeCodec.decoder(parser -> {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return notAnObject(parser);
        }
        JsonNode tree = parser.readValueAsTree();
        try (JsonParser tokens = ContractJson.mapper().treeAsTokens(tree)) {
            tokens.nextToken();
            return JsonToBson.convert(tokens);
        }
    });

    @Override
    public DecodedEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            EnvelopeCodec.Decoded<ItemBson> decoded;
            try {
                decoded = STREAMED.decode(data);
            } catch (JsonToBson.DuplicateMemberException twice) {
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

    /** No item object: the envelope is defective (the contract's rule), nothing to convert. */
    private static ItemBson notAnObject(JsonParser parser) {
        parser.skipChildren();
        return null;
    }
}
