// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of stored-documents/src/main/java/org/peakoningest/stored/EnvelopeDeserializer.java as of commit
// 443f9b0; only the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.writer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.bson.BsonSerializationException;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.jmh.removed.common.Timestamps;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a data record straight into a {@link DecodedEnvelope}: one streaming pass over the bytes, the item written
 * into BSON as it is read. Building a JSON tree per item and then a {@code Document} per tree was the writer's
 * largest cost (about 22 KB of garbage per record; see docs/performance.md).
 *
 * <p>The streaming pass accepts only the canonical shape (every field of the type the contract gives it, no field
 * twice, no member twice in one item object). Anything else (including malformed JSON) is read again by the
 * contract's own {@link ContractDeserializer.Envelopes}, so both paths agree on every input: the same envelope, or
 * the same {@link SerializationException}, which the consumer's {@code ErrorHandlingDeserializer} turns into a
 * dead-letter candidate.
 */
public final class EnvelopeDeserializer implements Deserializer<DecodedEnvelope> {

    private final ContractDeserializer.Envelopes contract = new ContractDeserializer.Envelopes();

    @Override
    public DecodedEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return streamed(data);
        } catch (NotCanonicalException | JacksonException | JsonToBson.DuplicateMemberException e) {
            return viaContract(topic, data);
        } catch (NumberFormatException | BsonSerializationException e) {
            throw cannotStore(topic, e);
        }
    }

    /** The contract's reader, then its tree converted (the slow path, for inputs the streaming pass declines). */
    DecodedEnvelope viaContract(String topic, byte[] data) {
        RecordEnvelope envelope = contract.deserialize(topic, data);
        ItemBson item = null;
        if (envelope.item() != null && envelope.item().isObject()) {
            try (JsonParser parser = ContractJson.mapper().treeAsTokens(envelope.item())) {
                parser.nextToken();
                item = JsonToBson.convert(parser);
            } catch (NumberFormatException | BsonSerializationException e) {
                throw cannotStore(topic, e);
            }
        }
        return new DecodedEnvelope(
                envelope.runId(),
                envelope.collection(),
                envelope.endpoint(),
                envelope.sourceUrl(),
                envelope.fetchedAt(),
                envelope.key(),
                envelope.driverId(),
                item,
                data);
    }

    DecodedEnvelope streamed(byte[] data) {
        String runId = null;
        String collection = null;
        String endpoint = null;
        String sourceUrl = null;
        Instant fetchedAt = null;
        DocumentKey key = null;
        String driverId = null;
        ItemBson item = null;
        int seen = 0;
        try (JsonParser parser = ContractJson.mapper().createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotCanonicalException();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int bit = switch (name) {
                    case "schema_version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new NotCanonicalException();
                        }
                        yield 1;
                    }
                    case "run_id" -> {
                        runId = text(parser, value);
                        yield 2;
                    }
                    case "collection" -> {
                        collection = text(parser, value);
                        yield 4;
                    }
                    case "endpoint" -> {
                        endpoint = text(parser, value);
                        yield 8;
                    }
                    case "source_url" -> {
                        sourceUrl = text(parser, value);
                        yield 16;
                    }
                    case "fetched_at" -> {
                        fetchedAt = instant(parser, value);
                        yield 32;
                    }
                    case "key" -> {
                        key = key(parser, value);
                        yield 64;
                    }
                    case "driver_id" -> {
                        driverId = text(parser, value);
                        yield 128;
                    }
                    case "item" -> {
                        // Not an object: the envelope is defective (no item object), as with the contract reader.
                        item = value == JsonToken.START_OBJECT ? JsonToBson.convert(parser) : null;
                        parser.skipChildren();
                        yield 256;
                    }
                    default -> {
                        parser.skipChildren(); // a field a newer producer added
                        yield 0;
                    }
                };
                if ((seen & bit) != 0) {
                    throw new NotCanonicalException(); // a field twice: let the contract reader decide
                }
                seen |= bit;
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new NotCanonicalException();
            }
        }
        return new DecodedEnvelope(runId, collection, endpoint, sourceUrl, fetchedAt, key, driverId, item, data);
    }

    private static String text(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new NotCanonicalException();
    }

    private static Instant instant(JsonParser parser, JsonToken value) {
        String text = text(parser, value);
        try {
            return text == null ? null : Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotCanonicalException();
        }
    }

    private static DocumentKey key(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return DocumentKey.of(parser.getString());
        }
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return DocumentKey.of(parser.getLongValue());
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new NotCanonicalException();
    }

    private static SerializationException cannotStore(String topic, RuntimeException e) {
        return new SerializationException(
                "not a valid RecordEnvelope on " + topic + ": MongoDB cannot store the item (" + e.getMessage() + ")",
                e);
    }

    /** The streaming pass declines this input; the contract reader decides. */
    private static final class NotCanonicalException extends RuntimeException {
        NotCanonicalException() {
            super(null, null, false, false);
        }
    }
}
