package org.peakoningest.writer.decode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonBinaryWriter;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.writer.store.DocumentMapper;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Streams a raw JSON item into BSON without building a tree, the way the Python version (json + pymongo) stored it:
 * whole numbers as int32 when they fit, else int64 (beyond 64 bits: Decimal128, which keeps the value exactly);
 * fractions as double; members in their original order.
 *
 * <p>Top-level members named like the metadata the writer adds ({@code _id}, {@code fetched_at}, {@code run_id},
 * {@code endpoint}, {@code source_url}, {@code _source}) are left out: the writer's values win, and a BSON document
 * must not carry a name twice. A top-level {@code driver_id} is kept but its position is recorded, because only
 * {@code scores_by_driver} replaces it (see {@link DocumentMapper}).
 */
final class JsonToBson {

    /** Top-level item members the stored document's own fields replace. */
    private static final Set<String> REPLACED = Set.of(DocumentFields.ID, DocumentFields.FETCHED_AT,
            DocumentFields.RUN_ID, DocumentFields.ENDPOINT, DocumentFields.SOURCE_URL, DocumentMapper.SOURCE);

    /** Objects with more members than this check duplicates with a hash set instead of a list scan. */
    private static final int SMALL_OBJECT = 12;

    private final BasicOutputBuffer out = new BasicOutputBuffer(1024);
    private final BsonBinaryWriter writer = new BsonBinaryWriter(out);
    private int driverIdStart = -1;
    private int driverIdEnd = -1;

    private JsonToBson() {
    }

    /**
     * Converts the JSON object the parser stands on (its current token is {@code START_OBJECT}); on return the
     * parser stands on the matching {@code END_OBJECT}.
     *
     * @throws DuplicateMemberException when an object names a member twice (a tree keeps the last one; the caller
     *                                  decides)
     * @throws NumberFormatException    for a whole number beyond Decimal128's 34 digits
     */
    static ItemBson convert(JsonParser parser) {
        JsonToBson conversion = new JsonToBson();
        conversion.object(parser, true);
        conversion.writer.flush();
        return new ItemBson(conversion.out.toByteArray(), conversion.driverIdStart, conversion.driverIdEnd);
    }

    private void object(JsonParser parser, boolean top) {
        writer.writeStartDocument();
        List<String> small = new ArrayList<>(8);
        Set<String> large = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (top && REPLACED.contains(name)) {
                parser.skipChildren();
                continue;
            }
            if (large == null && small.size() == SMALL_OBJECT) {
                large = new HashSet<>(small);
            }
            boolean first = large != null ? large.add(name) : !small.contains(name) && small.add(name);
            if (!first) {
                throw new DuplicateMemberException(name);
            }
            boolean driverId = top && DocumentFields.DRIVER_ID.equals(name);
            if (driverId) {
                driverIdStart = out.getPosition();
            }
            writer.writeName(name);
            value(parser);
            if (driverId) {
                driverIdEnd = out.getPosition();
            }
        }
        writer.writeEndDocument();
    }

    private void value(JsonParser parser) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> object(parser, false);
            case START_ARRAY -> {
                writer.writeStartArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    value(parser);
                }
                writer.writeEndArray();
            }
            case VALUE_STRING -> writer.writeString(parser.getString());
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> writer.writeInt32(parser.getIntValue());
                    case LONG -> writer.writeInt64(parser.getLongValue());
                    // Beyond 64 bits pymongo would refuse; Decimal128 keeps the value exactly (or throws).
                    default -> writer.writeDecimal128(new Decimal128(new BigDecimal(parser.getBigIntegerValue())));
                }
            }
            case VALUE_NUMBER_FLOAT -> writer.writeDouble(parser.getDoubleValue());
            case VALUE_TRUE -> writer.writeBoolean(true);
            case VALUE_FALSE -> writer.writeBoolean(false);
            case VALUE_NULL -> writer.writeNull();
            default -> throw new IllegalStateException("unexpected JSON token " + token + " in an item");
        }
    }

    /** An object of the item names a member twice. */
    static final class DuplicateMemberException extends RuntimeException {
        DuplicateMemberException(String name) {
            super("member '" + name + "' appears twice", null, false, false);
        }
    }
}
