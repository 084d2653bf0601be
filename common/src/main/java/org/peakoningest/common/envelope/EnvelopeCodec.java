package org.peakoningest.common.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.json.InstantJson;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.node.NullNode;

/**
 * The record envelope's JSON ({@code docs/contract/record-envelope.schema.json}), written and read here and nowhere
 * else: the fetcher's producer, {@link RecordEnvelope}'s own (de)serialisation (so {@code ContractSerializer},
 * {@code ContractDeserializer.Envelopes} and any mapper) and the writer's reader all go through this class.
 *
 * <p><b>Writing</b>: an {@link Encoder} holds the fields every envelope of one page shares; per envelope only the
 * key and the item are added. Fields are written in the order of {@link RecordEnvelope}'s components, null fields
 * left out, strings escaped by the contract mapper's generator, {@code fetched_at} in the {@link Timestamps} form.
 * The item is whatever an {@link ItemWriter} writes (e.g. a tree), or JSON text the producer has already (the
 * fetcher's copy of the item as Peakon sent it), spliced in as it is.
 *
 * <p><b>Reading</b>: one streaming pass. Each header field is read by the Jackson deserializer data binding used for
 * it (same coercions and the same errors: a number where a string is expected is read as its text, an object there
 * is refused); only the usual token of each field (a string, an int) is taken straight from the parser, as that
 * deserializer would take it. Fields may come in any order, the last of a field named twice wins, unknown fields
 * are skipped. The item goes to an {@link ItemReader} positioned on it, wherever it is in the envelope: a reader
 * needs nothing from the header (the writer's puts {@code _id} in front of the item's BSON afterwards).
 */
public final class EnvelopeCodec {

    static final String SCHEMA_VERSION = "schema_version";
    static final String RUN_ID = "run_id";
    static final String COLLECTION = "collection";
    static final String ENDPOINT = "endpoint";
    static final String SOURCE_URL = "source_url";
    static final String FETCHED_AT = "fetched_at";
    static final String KEY = "key";
    static final String DRIVER_ID = "driver_id";
    static final String ITEM = "item";

    private static final InstantJson.Deserializer INSTANTS = new InstantJson.Deserializer();

    private EnvelopeCodec() {}

    /** Writes an envelope's item: the generator stands where the item's value goes. */
    @FunctionalInterface
    public interface ItemWriter {
        void write(JsonGenerator generator);
    }

    /**
     * Reads an envelope's item (any JSON value: a consumer decides what an item that is not an object means).
     *
     * @param <I> what the item becomes
     */
    @FunctionalInterface
    public interface ItemReader<I> {

        /** @param parser stands on the item's first token; must be left on its last token */
        I read(JsonParser parser);
    }

    /** One envelope as read: the header fields and the item as the {@link ItemReader} made it. */
    @JsonDeserialize(using = DecodedDeserializer.class)
    public record Decoded<I>(EnvelopeHeader header, I item) {}

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * The fields of {@link RecordEnvelope#of} other than the key and the item, shared by every envelope of a page.
     */
    public static Encoder encoder(
            String runId,
            PeakonCollection collection,
            String endpoint,
            String sourceUrl,
            Instant fetchedAt,
            String driverId) {
        Objects.requireNonNull(collection, "collection");
        return new Encoder(
                RecordEnvelope.SCHEMA_VERSION,
                runId,
                collection.collectionName(),
                endpoint,
                sourceUrl,
                fetchedAt,
                driverId);
    }

    /**
     * Writes envelopes with a common header. {@link #encode} reuses one generator and buffer: an encoder belongs to
     * one thread.
     */
    public static final class Encoder {

        private static final SerializedString[] NAMES = {
            new SerializedString(SCHEMA_VERSION),
            new SerializedString(RUN_ID),
            new SerializedString(COLLECTION),
            new SerializedString(ENDPOINT),
            new SerializedString(SOURCE_URL),
            new SerializedString(FETCHED_AT),
            new SerializedString(KEY),
            new SerializedString(DRIVER_ID),
            new SerializedString(ITEM)
        };

        /** Where driver_id is in {@link #header} (the fields before it are written in one loop). */
        private static final int DRIVER = 5;

        private final int schemaVersion;
        /** run_id, collection, endpoint, source_url, fetched_at, driver_id; null = left out. */
        private final String[] header;

        private Output output;

        Encoder(
                int schemaVersion,
                String runId,
                String collection,
                String endpoint,
                String sourceUrl,
                Instant fetchedAt,
                String driverId) {
            this.schemaVersion = schemaVersion;
            this.header = new String[] {
                runId,
                collection,
                endpoint,
                sourceUrl,
                fetchedAt == null ? null : Timestamps.format(fetchedAt),
                driverId
            };
        }

        /** The envelope of one item, as the record value's bytes (UTF-8 JSON). */
        public byte[] encode(DocumentKey key, ItemWriter item) {
            Output out = output();
            write(out.generator, key, item);
            out.generator.flush();
            return out.bytes.toByteArray();
        }

        /**
         * The envelope of one item whose JSON text (UTF-8) is {@code json[offset, offset + length)}, copied as it
         * is: for a producer that has the item's text already. The text must be one JSON value.
         */
        public byte[] encode(DocumentKey key, byte[] json, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, json.length);
            Output out = output();
            JsonGenerator generator = out.generator;
            writeHeader(generator, key);
            generator.writeName(NAMES[8]);
            // An empty raw value writes the ':' after the name; the item's bytes follow it in the output itself.
            generator.writeRawValue("");
            generator.flush();
            out.bytes.write(json, offset, length);
            generator.writeEndObject();
            generator.flush();
            return out.bytes.toByteArray();
        }

        private Output output() {
            if (output == null) {
                output = new Output(header);
            }
            output.bytes.reset();
            return output;
        }

        /** Writes the envelope as the next value of {@code generator}; a null key or item is left out. */
        void write(JsonGenerator generator, DocumentKey key, ItemWriter item) {
            writeHeader(generator, key);
            if (item != null) {
                generator.writeName(NAMES[8]);
                item.write(generator);
            }
            generator.writeEndObject();
        }

        /** The object's start and every field before the item. */
        private void writeHeader(JsonGenerator generator, DocumentKey key) {
            // With this encoder's own generator the header's strings are written as the JSON literals the first
            // encode() made of them (the contract mapper's escaping, once per page); elsewhere as strings.
            boolean own = output != null && generator == output.generator;
            generator.writeStartObject();
            generator.writeName(NAMES[0]);
            generator.writeNumber(schemaVersion);
            for (int i = 0; i < DRIVER; i++) {
                if (header[i] != null) {
                    generator.writeName(NAMES[i + 1]);
                    text(generator, own, i);
                }
            }
            if (key instanceof DocumentKey.Numeric numeric) {
                generator.writeName(NAMES[6]);
                generator.writeNumber(numeric.value());
            } else if (key instanceof DocumentKey.Text text) {
                generator.writeName(NAMES[6]);
                generator.writeString(text.value());
            }
            if (header[DRIVER] != null) {
                generator.writeName(NAMES[7]);
                text(generator, own, DRIVER);
            }
        }

        private void text(JsonGenerator generator, boolean own, int field) {
            if (own) {
                generator.writeRawValue(output.literals[field]);
            } else {
                generator.writeString(header[field]);
            }
        }

        /**
         * A generator of the contract mapper (so trees can be written) over a reusable buffer, and the header's
         * strings as JSON literals.
         */
        private static final class Output {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
            // No separator between consecutive root values: each envelope is taken out of the buffer on its own.
            final JsonGenerator generator = ContractJson.mapper()
                    .writer()
                    .withRootValueSeparator((String) null)
                    .createGenerator(bytes);
            final SerializableString[] literals;

            Output(String[] header) {
                literals = new SerializableString[header.length];
                for (int i = 0; i < header.length; i++) {
                    // From the bytes the generator writes (a lone surrogate escaped), not writeValueAsString.
                    literals[i] = header[i] == null
                            ? null
                            : new SerializedString(new String(
                                    ContractJson.mapper().writeValueAsBytes(header[i]), StandardCharsets.UTF_8));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** A reader of record values whose items the given {@link ItemReader} reads. */
    public static <I> Decoder<I> decoder(ItemReader<I> items) {
        return new Decoder<>(items);
    }

    /** Reads record values; thread-safe if its {@link ItemReader} is. */
    public static final class Decoder<I> {

        private final ObjectReader reader;

        private Decoder(ItemReader<I> items) {
            this.reader = ContractJson.mapper().readerFor(Decoded.class).withAttribute(ItemReader.class, items);
        }

        /**
         * @return the envelope, or null when the value is JSON {@code null}
         * @throws JacksonException when the bytes are not an envelope (malformed JSON, a field of the wrong type,
         *                          not an object, trailing content); whatever the {@link ItemReader} throws
         */
        public Decoded<I> decode(byte[] value) {
            return reader.readValue(value);
        }
    }

    /** The Jackson entry point of {@link Decoder}: {@code Decoded} is read with the reader's item reader. */
    static final class DecodedDeserializer extends ValueDeserializer<Decoded<?>> {
        @Override
        public Decoded<?> deserialize(JsonParser p, DeserializationContext ctxt) {
            return read(p, ctxt, (ItemReader<?>) ctxt.getAttribute(ItemReader.class));
        }
    }

    /** Reads one envelope, the parser standing on its first token. */
    @SuppressWarnings("unchecked")
    static <I> Decoded<I> read(JsonParser p, DeserializationContext ctxt, ItemReader<I> items) {
        if (!p.isExpectedStartObjectToken()) {
            return (Decoded<I>) ctxt.handleUnexpectedToken(RecordEnvelope.class, p);
        }
        int schemaVersion = 0;
        String runId = null;
        String collection = null;
        String endpoint = null;
        String sourceUrl = null;
        Instant fetchedAt = null;
        DocumentKey key = null;
        String driverId = null;
        I item = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case SCHEMA_VERSION ->
                    schemaVersion = value == JsonToken.VALUE_NUMBER_INT
                            ? p.getIntValue()
                            : value == JsonToken.VALUE_NULL ? 0 : ctxt.readValue(p, int.class);
                case RUN_ID -> runId = text(p, ctxt, value);
                case COLLECTION -> collection = text(p, ctxt, value);
                case ENDPOINT -> endpoint = text(p, ctxt, value);
                case SOURCE_URL -> sourceUrl = text(p, ctxt, value);
                case FETCHED_AT -> fetchedAt = value == JsonToken.VALUE_NULL ? null : INSTANTS.deserialize(p, ctxt);
                case KEY -> key = key(p, ctxt, value);
                case DRIVER_ID -> driverId = text(p, ctxt, value);
                case ITEM -> item = items.read(p);
                default -> p.skipChildren(); // a field a newer producer added
            }
        }
        return new Decoded<>(
                new EnvelopeHeader(schemaVersion, runId, collection, endpoint, sourceUrl, fetchedAt, key, driverId),
                item);
    }

    /** Items as trees, for {@link RecordEnvelope}: JSON {@code null} is a {@code NullNode}, as data binding makes it. */
    private static final ItemReader<JsonNode> TREES =
            parser -> parser.currentToken() == JsonToken.VALUE_NULL ? NullNode.getInstance() : parser.readValueAsTree();

    /** {@link RecordEnvelope} as JSON: every mapper that writes one goes through {@link Encoder}. */
    static final class RecordEnvelopeSerializer extends ValueSerializer<RecordEnvelope> {
        @Override
        public void serialize(RecordEnvelope envelope, JsonGenerator generator, SerializationContext ctxt) {
            JsonNode item = envelope.item();
            new Encoder(
                            envelope.schemaVersion(),
                            envelope.runId(),
                            envelope.collection(),
                            envelope.endpoint(),
                            envelope.sourceUrl(),
                            envelope.fetchedAt(),
                            envelope.driverId())
                    .write(generator, envelope.key(), item == null ? null : g -> g.writeTree(item));
        }
    }

    /** {@link RecordEnvelope} from JSON: every mapper that reads one goes through {@link #read}. */
    static final class RecordEnvelopeDeserializer extends ValueDeserializer<RecordEnvelope> {
        @Override
        public RecordEnvelope deserialize(JsonParser p, DeserializationContext ctxt) {
            Decoded<JsonNode> decoded = read(p, ctxt, TREES);
            EnvelopeHeader h = decoded.header();
            return new RecordEnvelope(
                    h.schemaVersion(),
                    h.runId(),
                    h.collection(),
                    h.endpoint(),
                    h.sourceUrl(),
                    h.fetchedAt(),
                    h.key(),
                    h.driverId(),
                    decoded.item());
        }
    }

    /**
     * The key as data binding reads it ({@link DocumentKey#fromJson}); the two usual forms, a string and a whole
     * number within 64 bits, are taken straight from the parser (what data binding would hand to that creator).
     */
    private static DocumentKey key(JsonParser p, DeserializationContext ctxt, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return DocumentKey.of(p.getString());
        }
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return DocumentKey.of(p.getLongValue());
        }
        return value == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, DocumentKey.class);
    }

    /** A string field as data binding reads a {@code String} property (scalars as their text, null as null). */
    private static String text(JsonParser p, DeserializationContext ctxt, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        return value == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
    }
}
