package org.peakoningest.writer.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.types.Decimal128;
import org.peakoningest.common.DocumentFields;
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
 *
 * <p>Written against {@link BsonBytes}, not the driver's writer: see there why.
 */
final class JsonToBson {

    /** Top-level item members the stored document's own fields replace (all of them but {@code driver_id}). */
    static final Set<String> REPLACED = Set.of(
            DocumentFields.ID,
            DocumentFields.FETCHED_AT,
            DocumentFields.RUN_ID,
            DocumentFields.ENDPOINT,
            DocumentFields.SOURCE_URL,
            DocumentFields.SOURCE);

    /** Objects with more members than this check duplicates with a hash set instead of a list scan. */
    private static final int SMALL_OBJECT = 12;

    private final BsonBytes out = new BsonBytes(1024);
    private int driverIdStart = -1;
    private int driverIdEnd = -1;

    private JsonToBson() {}

    /**
     * Converts the JSON object the parser stands on (its current token is {@code START_OBJECT}); on return the
     * parser stands on the matching {@code END_OBJECT}.
     *
     * @throws DuplicateMemberException    when an object names a member twice (a tree keeps the last one; the
     *                                     caller decides)
     * @throws NumberFormatException       for a whole number beyond Decimal128's 34 digits
     * @throws org.bson.BsonSerializationException for a member name BSON cannot hold (a NUL character)
     */
    static ItemBson convert(JsonParser parser) {
        JsonToBson conversion = new JsonToBson();
        conversion.object(parser, true);
        return new ItemBson(conversion.out.toByteArray(), conversion.driverIdStart, conversion.driverIdEnd);
    }

    private void object(JsonParser parser, boolean top) {
        int start = out.startDocument();
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
                driverIdStart = out.position();
            }
            element(parser, name, -1);
            if (driverId) {
                driverIdEnd = out.position();
            }
        }
        out.endDocument(start);
    }

    /** One element: named {@code name}, or the {@code index}-th of an array when the name is null. */
    private void element(JsonParser parser, String name, int index) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                header(BsonBytes.DOCUMENT, name, index);
                object(parser, false);
            }
            case START_ARRAY -> {
                header(BsonBytes.ARRAY, name, index);
                int start = out.startDocument();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    element(parser, null, i++);
                }
                out.endDocument(start);
            }
            case VALUE_STRING -> {
                header(BsonBytes.STRING, name, index);
                out.stringValue(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
            }
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> {
                        header(BsonBytes.INT32, name, index);
                        out.int32(parser.getIntValue());
                    }
                    case LONG -> {
                        header(BsonBytes.INT64, name, index);
                        out.int64(parser.getLongValue());
                    }
                    default -> {
                        // Beyond 64 bits pymongo would refuse; Decimal128 keeps the value exactly (or throws).
                        Decimal128 value = new Decimal128(new BigDecimal(parser.getBigIntegerValue()));
                        header(BsonBytes.DECIMAL128, name, index);
                        out.decimal128Value(value);
                    }
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                header(BsonBytes.DOUBLE, name, index);
                out.doubleValue(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                header(BsonBytes.BOOLEAN, name, index);
                out.booleanValue(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> header(BsonBytes.NULL, name, index);
            default -> throw new IllegalStateException("unexpected JSON token " + token + " in an item");
        }
    }

    private void header(byte type, String name, int index) {
        if (name != null) {
            out.name(type, name);
        } else {
            out.index(type, index);
        }
    }

    /** An object of the item names a member twice. */
    static final class DuplicateMemberException extends RuntimeException {
        DuplicateMemberException(String name) {
            super("member '" + name + "' appears twice", null, false, false);
        }
    }
}
