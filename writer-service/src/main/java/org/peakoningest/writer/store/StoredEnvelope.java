package org.peakoningest.writer.store;

import java.math.BigDecimal;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.core.JsonGenerator;

/**
 * The record envelope of a stored document: the inverse of {@link DocumentMapper}, for re-publishing the stored
 * version of a key (see {@code consume.KafkaPublisher}). Read back by the writer, the envelope becomes the same
 * document again, except {@code _source}, which names the new record:
 * <ul>
 *   <li>the header ({@code run_id}, {@code endpoint}, {@code source_url}, {@code fetched_at}, {@code driver_id} on
 *       {@code scores_by_driver}) from the document's own fields, the key as its records carry it;</li>
 *   <li>the item: every other element, in its order, each BSON value as the JSON that {@link JsonToBson} turns into
 *       that same value (int32 and int64 as integers, double with a fraction or exponent, Decimal128 as its
 *       integer). Item members named like the writer's fields were never stored, so none is lost here; on
 *       {@code employees}, {@code present} and {@code absent_since} are the writer's (departures) and left out.</li>
 * </ul>
 */
public final class StoredEnvelope {

    /**
     * On {@code employees}, the writer's verdict on the person ({@code runs.Departures}), derived from the stored
     * versions and the runs, not part of any version: published inside an item, a stale verdict would come back with
     * every replay.
     */
    private static final Set<String> DEPARTURE_FIELDS = Set.of(DocumentFields.PRESENT, DocumentFields.ABSENT_SINCE);

    private StoredEnvelope() {}

    /** The document's key as the contract writes it. */
    public static DocumentKey key(Object id) {
        if (id instanceof Integer || id instanceof Long) {
            return DocumentKey.of(((Number) id).longValue());
        }
        if (id instanceof String text) {
            return DocumentKey.of(text);
        }
        throw new IllegalArgumentException("not a document key of the contract: " + id);
    }

    /**
     * The envelope's bytes (UTF-8 JSON), as the fetcher would have published this version.
     *
     * @param key the document's key as its records carry it (a stored string {@code _id} has a lone surrogate as
     *            {@code ?}, the record key has the original character)
     *
     * @throws IllegalArgumentException when the document is not one the writer stored (a field of another type, a
     *                                  BSON type no item can produce): it was changed by hand
     */
    public static byte[] of(PeakonCollection collection, RawBsonDocument document, DocumentKey key) {
        boolean byDriver = collection == PeakonCollection.SCORES_BY_DRIVER;
        boolean people = collection == PeakonCollection.EMPLOYEES;
        BsonValue fetchedAt = document.get(DocumentFields.FETCHED_AT);
        if (fetchedAt == null || !fetchedAt.isString()) {
            throw new IllegalArgumentException("the stored document has no fetched_at string");
        }
        EnvelopeCodec.Encoder encoder = EnvelopeCodec.encoder(
                text(document, DocumentFields.RUN_ID),
                collection,
                text(document, DocumentFields.ENDPOINT),
                text(document, DocumentFields.SOURCE_URL),
                Timestamps.parse(fetchedAt.asString().getValue()),
                byDriver ? text(document, DocumentFields.DRIVER_ID) : null);
        return encoder.encode(key, generator -> {
            generator.writeStartObject();
            for (var element : document.entrySet()) {
                String name = element.getKey();
                if (JsonToBson.REPLACED.contains(name)
                        || (byDriver && DocumentFields.DRIVER_ID.equals(name))
                        || (people && DEPARTURE_FIELDS.contains(name))) {
                    continue;
                }
                generator.writeName(name);
                write(generator, element.getValue());
            }
            generator.writeEndObject();
        });
    }

    private static String text(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("the stored document's " + field + " is a " + value.getBsonType());
        }
        return value.asString().getValue();
    }

    private static void write(JsonGenerator generator, BsonValue value) {
        switch (value.getBsonType()) {
            case DOCUMENT -> {
                generator.writeStartObject();
                for (var element : value.asDocument().entrySet()) {
                    generator.writeName(element.getKey());
                    write(generator, element.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                BsonArray array = value.asArray();
                generator.writeStartArray();
                for (BsonValue item : array) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(value.asString().getValue());
            case INT32 -> generator.writeNumber(value.asInt32().getValue());
            case INT64 -> generator.writeNumber(value.asInt64().getValue());
            case DOUBLE -> writeDouble(generator, value.asDouble().getValue());
            case DECIMAL128 -> {
                // Only whole numbers beyond 64 bits become Decimal128 (JsonToBson); written as the integer they are.
                BigDecimal decimal = value.asDecimal128().getValue().bigDecimalValue();
                generator.writeNumber(decimal.toBigIntegerExact());
            }
            case BOOLEAN -> generator.writeBoolean(value.asBoolean().getValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("a stored item holds a " + value.getBsonType());
        }
    }

    /**
     * A JSON number that reads back as the same double: the shortest exact decimal, with a fraction or an exponent so
     * it is read as a fraction, not an integer. A number too large for a double was stored as infinity (Jackson's
     * reading of it); {@code 1e400} reads as that again.
     */
    private static void writeDouble(JsonGenerator generator, double value) {
        if (Double.isInfinite(value)) {
            generator.writeRawValue(value > 0 ? "1e400" : "-1e400");
        } else if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a stored item holds NaN, which no JSON item can produce");
        } else {
            generator.writeNumber(value);
        }
    }
}
