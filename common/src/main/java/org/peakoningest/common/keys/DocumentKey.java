package org.peakoningest.common.keys;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A document's {@code _id}: a whole number (the brief's {@code int(...)} keys) or a string. The two kinds never
 * compare equal: {@code 42} and {@code "42"} are different documents, as they are in MongoDB.
 *
 * <p>In JSON (the envelope's {@code key} and the Kafka record key) it is the plain JSON scalar: {@code 42} or
 * {@code "engagement::abc::1700000000"}.
 */
public sealed interface DocumentKey permits DocumentKey.Numeric, DocumentKey.Text {

    static DocumentKey of(long value) {
        return new Numeric(value);
    }

    static DocumentKey of(String value) {
        return new Text(value);
    }

    /** The value as JSON: a {@link Long} or a {@link String}. */
    @JsonValue
    Object jsonValue();

    /**
     * The value stored as {@code _id}: an {@link Integer} when it fits 32 bits, else a {@link Long} (what pymongo
     * stores for a Python {@code int}, so queries written for the Python version match), or the {@link String}.
     */
    Object mongoValue();

    /** The Kafka record key: the JSON encoding, so a numeric and a textual key never collide under compaction. */
    String kafkaKey();

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DocumentKey fromJson(Object value) {
        if (value instanceof String s) {
            return new Text(s);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return new Numeric(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new Numeric(big.longValueExact());
        }
        if (value instanceof BigDecimal dec) {
            return new Numeric(dec.longValueExact());
        }
        throw new IllegalArgumentException("a document key is a whole number or a string, not " + value);
    }

    /**
     * The document key whose Kafka record key ({@link #kafkaKey()}) is exactly {@code recordKey}, if there is one. A
     * key written any other way (not JSON, {@code 042}, {@code " 42"}, an escape the contract does not write) names no
     * document: compaction keeps it apart from every document's records.
     */
    static Optional<DocumentKey> fromKafkaKey(String recordKey) {
        if (recordKey == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = ContractJson.mapper().readTree(recordKey);
            DocumentKey key = node.isString()
                    ? new Text(node.stringValue())
                    : node.isIntegralNumber() && node.canConvertToLong() ? new Numeric(node.longValue()) : null;
            return key != null && key.kafkaKey().equals(recordKey) ? Optional.of(key) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A whole-number key. */
    record Numeric(long value) implements DocumentKey {
        @Override
        public Object jsonValue() {
            return value;
        }

        @Override
        public Object mongoValue() {
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
        }

        @Override
        public String kafkaKey() {
            return Long.toString(value);
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A string key. */
    record Text(String value) implements DocumentKey {
        public Text {
            Objects.requireNonNull(value, "key");
        }

        @Override
        public Object jsonValue() {
            return value;
        }

        @Override
        public Object mongoValue() {
            return value;
        }

        @Override
        public String kafkaKey() {
            return CanonicalJson.quote(value);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
