// THE LIBRARY ALTERNATIVE, not adopted, kept so the decision can be re-measured (docs/performance.md,
// "Per-document CPU"). A verbatim copy of writer-service/src/main/java/org/peakoningest/writer/store/ItemToBson.java as
// of commit f02cdfe;
// only the package line and the imports changed. Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.library.writer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.jmh.library.common.EnvelopeCodec;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads an envelope's item into the start of its stored document, BSON written by the driver's
 * {@link BsonBinaryWriter}: {@code _id} (the envelope's key), then the item's members in their order, the way the
 * Python version (json + pymongo) stored them: whole numbers as int32 when they fit, else int64, beyond 64 bits
 * Decimal128 (which keeps the value exactly, or refuses it); fractions as double.
 *
 * <p>Top-level members named like the metadata the writer adds ({@code _id}, {@code fetched_at}, {@code run_id},
 * {@code endpoint}, {@code source_url}, {@code _source}; on {@code scores_by_driver} also {@code driver_id}) are
 * left out: the writer's values win, and a BSON document must not carry a name twice. {@link DocumentMapper} appends
 * the metadata.
 *
 * <p>A text with a lone surrogate (possible in JSON, not in UTF-8) is stored with {@code ?} in its place, as
 * {@link String#getBytes} encodes it; the driver would write the surrogate's bytes, which are not UTF-8.
 */
final class ItemToBson {

    /** Top-level item members the stored document's own fields replace. */
    private static final Set<String> REPLACED = Set.of(
            DocumentFields.ID,
            DocumentFields.FETCHED_AT,
            DocumentFields.RUN_ID,
            DocumentFields.ENDPOINT,
            DocumentFields.SOURCE_URL,
            DocumentFields.SOURCE);

    /**
     * Reads the item's tokens as they come. A member named twice would be written twice, so this reader goes with
     * {@link EnvelopeCodec#strictDecoder} (Jackson refuses the record) and such a record is read {@link #VIA_TREE}.
     */
    static final EnvelopeCodec.ItemReader<RawBsonDocument> STREAMED = new Reader(false);

    /** Reads the item as a JSON tree first: of a member named twice the last value wins, at the first's place. */
    static final EnvelopeCodec.ItemReader<RawBsonDocument> VIA_TREE = new Reader(true);

    private ItemToBson() {}

    /** The BSON document, or null when the item is not a JSON object (the envelope is then defective). */
    private record Reader(boolean viaTree) implements EnvelopeCodec.ItemReader<RawBsonDocument> {

        @Override
        public RawBsonDocument read(JsonParser parser, DocumentKey key, String collection) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            if (!viaTree) {
                return convert(parser, key, collection);
            }
            JsonNode tree = parser.readValueAsTree();
            try (JsonParser tokens = ContractJson.mapper().treeAsTokens(tree)) {
                tokens.nextToken();
                return convert(tokens, key, collection);
            }
        }

        @Override
        public boolean usesKeyAndCollection() {
            return true;
        }
    }

    /**
     * @throws NumberFormatException               for a whole number beyond Decimal128's 34 digits
     * @throws org.bson.BsonSerializationException for a member name BSON cannot hold (a NUL character)
     */
    static RawBsonDocument convert(JsonParser parser, DocumentKey key, String collection) {
        boolean byDriver = PeakonCollection.SCORES_BY_DRIVER.collectionName().equals(collection);
        BasicOutputBuffer out = new BasicOutputBuffer(1024);
        BsonBinaryWriter writer = new BsonBinaryWriter(out);
        writer.writeStartDocument();
        if (key != null) {
            writer.writeName(DocumentFields.ID);
            writeKey(writer, key);
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (REPLACED.contains(name) || byDriver && DocumentFields.DRIVER_ID.equals(name)) {
                parser.skipChildren();
            } else {
                writer.writeName(wellFormed(name));
                value(parser, token, writer);
            }
        }
        writer.writeEndDocument();
        return new RawBsonDocument(out.getInternalBuffer(), 0, out.getPosition());
    }

    /** {@link DocumentKey#mongoValue()} as BSON. */
    private static void writeKey(BsonWriter writer, DocumentKey key) {
        Object id = key.mongoValue();
        if (id instanceof Integer small) {
            writer.writeInt32(small);
        } else if (id instanceof Long wide) {
            writer.writeInt64(wide);
        } else {
            writer.writeString(wellFormed((String) id));
        }
    }

    private static void value(JsonParser parser, JsonToken token, BsonWriter writer) {
        switch (token) {
            case START_OBJECT -> {
                writer.writeStartDocument();
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    writer.writeName(wellFormed(name));
                    value(parser, parser.nextToken(), writer);
                }
                writer.writeEndDocument();
            }
            case START_ARRAY -> {
                writer.writeStartArray();
                for (JsonToken element = parser.nextToken();
                        element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    value(parser, element, writer);
                }
                writer.writeEndArray();
            }
            case VALUE_STRING -> writer.writeString(wellFormed(parser.getString()));
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> writer.writeInt32(parser.getIntValue());
                    case LONG -> writer.writeInt64(parser.getLongValue());
                    // Beyond 64 bits pymongo would refuse; Decimal128 keeps the value exactly (or throws).
                    default -> writer.writeDecimal128(new Decimal128(new BigDecimal(parser.getBigIntegerValue())));
                }
            }
            case VALUE_NUMBER_FLOAT -> writer.writeDouble(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> writer.writeBoolean(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> writer.writeNull();
            default -> throw new IllegalStateException("unexpected JSON token " + token + " in an item");
        }
    }

    /** {@code text}, or its UTF-8 round trip ({@code ?} for a lone surrogate) when it has a surrogate. */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return text;
    }
}
