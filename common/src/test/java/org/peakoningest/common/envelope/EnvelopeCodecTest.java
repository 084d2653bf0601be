package org.peakoningest.common.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peakoningest.common.Golden;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.kafka.ContractSerializer;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.testsupport.RandomJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EnvelopeCodec} writes exactly the bytes and reads exactly the values of the data binding it replaced
 * ({@link DataBoundEnvelope}), on the golden files, on unusual envelopes and on thousands of generated ones.
 */
class EnvelopeCodecTest {

    private static final JsonMapper MAPPER = ContractJson.mapper();
    private static final ContractSerializer<RecordEnvelope> SERIALIZER = new ContractSerializer<>();
    private static final String RUN = "7f9c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";

    // ------------------------------------------------------------------------------------------------ writing

    @ParameterizedTest
    @ValueSource(
            strings = {"envelope-answer.json", "envelope-score-by-driver.json", "envelope-from-a-newer-producer.json"})
    void goldenEnvelopesAreWrittenAsDataBindingWroteThem(String golden) {
        RecordEnvelope envelope = MAPPER.readValue(Golden.text(golden), RecordEnvelope.class);

        assertSameBytes(envelope);
        assertThat(new ContractDeserializer.Envelopes().deserialize("t", encoded(envelope)))
                .isEqualTo(envelope);
    }

    @Test
    void theAnswerGoldenFileIsWhatComesOut() {
        JsonNode golden = Golden.tree("envelope-answer.json");
        byte[] bytes = EnvelopeCodec.encoder(
                        RUN,
                        PeakonCollection.ANSWERS_EXPORT,
                        "/answers/export",
                        "https://acme.peakon.com/api/v1/answers/export?per_page=10000",
                        Instant.parse("2026-11-23T03:00:12.345678Z"),
                        null)
                .encode(DocumentKey.of(123456), g -> g.writeTree(golden.get("item")));
        assertThat(MAPPER.readTree(bytes)).isEqualTo(golden);
    }

    static Stream<RecordEnvelope> unusualEnvelopes() {
        JsonNode item = MAPPER.readTree("{\"id\":\"x\",\"attributes\":{\"n\":[1,2.5,null,true,\"é😀\"]}}");
        Instant at = Instant.parse("2026-11-23T03:04:00Z");
        return Stream.of(
                // text keys that need escaping, and ones that do not
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.SCORES_BY_DRIVER,
                        "/s",
                        "u",
                        at,
                        DocumentKey.of("a\"b\\c/d\u0001\u001f\u007f\n\t::é::😀"),
                        "drv \"x\" é",
                        item),
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.SCORES_CONTEXTS,
                        "/s",
                        "u",
                        at,
                        DocumentKey.of("engagement::segment_1::1.5"),
                        null,
                        item),
                RecordEnvelope.of(RUN, PeakonCollection.DRIVERS, "/d", "u", at, DocumentKey.of(""), null, item),
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.DRIVERS,
                        "/d",
                        "u",
                        at,
                        DocumentKey.of("0123456789abcdef".repeat(4)),
                        null,
                        item),
                // extreme numeric keys, and a string that looks like a number
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.EMPLOYEES,
                        "/employees",
                        "u",
                        at,
                        DocumentKey.of(Long.MIN_VALUE),
                        null,
                        item),
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.EMPLOYEES,
                        "/employees",
                        "u",
                        at,
                        DocumentKey.of(Long.MAX_VALUE),
                        null,
                        item),
                RecordEnvelope.of(
                        RUN, PeakonCollection.EMPLOYEES, "/employees", "u", at, DocumentKey.of("42"), null, item),
                // unusual header strings and instants, a lone surrogate included
                RecordEnvelope.of(
                        "run \u2028 \"quoted\" \ud83d",
                        PeakonCollection.ANSWERS_EXPORT,
                        "/answers/export",
                        "https://x.peakon.com/api/v1/answers/export?per_page=3&continuation=a%2Fb&q=é",
                        Instant.parse("2026-11-23T03:04:00.000001Z"),
                        DocumentKey.of(7),
                        null,
                        item),
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.DRIVERS_CATALOG,
                        "static:drivers_catalog.csv",
                        "static:drivers_catalog.csv",
                        Instant.parse("1970-01-01T00:00:00Z"),
                        DocumentKey.of(1),
                        null,
                        MAPPER.readTree("{\"id\":1527152,\"driver\":\"Engagement\",\"subdriver\":null}")),
                // absent fields are left out, as NON_NULL leaves them out
                RecordEnvelope.of(null, PeakonCollection.EMPLOYEES, null, null, null, DocumentKey.of(1), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.EMPLOYEES, "/employees", "u", at, null, null, item),
                new RecordEnvelope(7, RUN, "surveys", "/s", "u", at, DocumentKey.of(1), null, null),
                // items that are not objects still travel unchanged
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.DRIVERS,
                        "/d",
                        "u",
                        at,
                        DocumentKey.of("h"),
                        null,
                        MAPPER.readTree("[1,\"a\"]")),
                RecordEnvelope.of(
                        RUN,
                        PeakonCollection.DRIVERS,
                        "/d",
                        "u",
                        at,
                        DocumentKey.of("h"),
                        null,
                        MAPPER.readTree("\"just a string\"")));
    }

    @ParameterizedTest
    @MethodSource("unusualEnvelopes")
    void unusualEnvelopesAreWrittenAsDataBindingWroteThem(RecordEnvelope envelope) {
        assertSameBytes(envelope);
    }

    @ParameterizedTest
    @ValueSource(
            longs = {
                0,
                1,
                -1,
                9,
                10,
                -10,
                99,
                100,
                123456,
                -2147483648L,
                2147483648L,
                999999999999999999L,
                1000000000000000000L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1
            })
    void numericKeysAreWrittenAsDataBindingWroteThem(long key) {
        assertSameBytes(RecordEnvelope.of(
                RUN,
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                "u",
                Instant.parse("2026-11-23T03:04:00Z"),
                DocumentKey.of(key),
                null,
                MAPPER.readTree("{\"id\":\"1\"}")));
    }

    @Test
    void generatedEnvelopesAreWrittenAsDataBindingWroteThem() {
        SplittableRandom random = new SplittableRandom(20261129L);
        RandomJson json = new RandomJson(20261129L);
        for (int i = 0; i < 3000; i++) {
            RecordEnvelope envelope = new RecordEnvelope(
                    random.nextInt(3),
                    text(json, random),
                    random.nextInt(10) == 0
                            ? text(json, random)
                            : PeakonCollection.values()[random.nextInt(6)].collectionName(),
                    text(json, random),
                    text(json, random),
                    random.nextInt(10) == 0
                            ? null
                            : Instant.ofEpochSecond(
                                    random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000) * 1000L),
                    random.nextInt(10) == 0
                            ? null
                            : random.nextBoolean()
                                    ? DocumentKey.of(random.nextLong())
                                    : DocumentKey.of(
                                            MAPPER.readTree(json.string()).stringValue()),
                    text(json, random),
                    random.nextInt(20) == 0 ? null : MAPPER.readTree(json.item()));
            assertSameBytes(envelope);
        }
    }

    @Test
    void oneEncoderServesEveryItemOfAPage() {
        EnvelopeCodec.Encoder encoder = EnvelopeCodec.encoder(
                RUN,
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                "u",
                Instant.parse("2026-11-23T03:04:00Z"),
                null);
        List<JsonNode> items = List.of(
                MAPPER.readTree("{\"id\":\"1\",\"long\":\"" + "x".repeat(5000) + "\"}"),
                MAPPER.readTree("{\"id\":\"2\"}"));
        for (int i = 0; i < items.size(); i++) {
            RecordEnvelope envelope = RecordEnvelope.of(
                    RUN,
                    PeakonCollection.ANSWERS_EXPORT,
                    "/answers/export",
                    "u",
                    Instant.parse("2026-11-23T03:04:00Z"),
                    DocumentKey.of(i),
                    null,
                    items.get(i));
            JsonNode item = items.get(i);
            assertThat(encoder.encode(DocumentKey.of(i), g -> g.writeTree(item)))
                    .isEqualTo(SERIALIZER.serialize("t", envelope));
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Test
    void generatedRecordValuesAreReadAsDataBindingReadThem() {
        SplittableRandom random = new SplittableRandom(7L);
        RandomJson json = new RandomJson(7L);
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            String value = envelopeText(json, random);
            if (!assertSameReading(value)) {
                refused++;
            }
        }
        // the generator makes both kinds
        assertThat(refused).isBetween(500, 4500);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // canonical, and the fields in other orders, with unknown fields around
                "{\"schema_version\":1,\"run_id\":\"r\",\"collection\":\"employees\",\"endpoint\":\"/e\",\"source_url\":\"u\","
                        + "\"fetched_at\":\"2026-11-23T03:00:12.345678Z\",\"key\":1,\"item\":{\"a\":1}}",
                "{\"item\":{\"a\":[1.10,1e400,-0.0]},\"trace\":{\"id\":[1,2]},\"key\":\"k\",\"collection\":\"drivers\"}",
                // fields twice: the last wins, the item's too
                "{\"key\":1,\"item\":{\"a\":1},\"key\":2,\"item\":{\"b\":2},\"run_id\":\"a\",\"run_id\":\"b\"}",
                // coercions: numbers and booleans as text, a string as the schema version, null as absent
                "{\"schema_version\":\"1\",\"run_id\":5,\"collection\":true,\"driver_id\":1.50,\"endpoint\":null,"
                        + "\"key\":null,\"fetched_at\":\"2026-11-23T03:00:12+02:00\",\"item\":null}",
                "{\"schema_version\":1.9,\"fetched_at\":null,\"item\":5}",
                "{\"schema_version\":null,\"key\":-0,\"item\":[]}",
                // refusals, with data binding's message
                "{\"key\":12.5}",
                "{\"key\":1e2}",
                "{\"key\":true}",
                "{\"key\":{}}",
                "{\"key\":[\"k\"]}",
                "{\"key\":99999999999999999999}",
                "{\"driver_id\":{}}",
                "{\"run_id\":[\"r\"]}",
                "{\"fetched_at\":12345}",
                "{\"fetched_at\":\"\"}",
                "{\"fetched_at\":\"2026-11-23T03:00:12.1234567891Z\"}",
                "{\"fetched_at\":[\"x\"]}",
                "{\"schema_version\":true}",
                "{\"schema_version\":99999999999}",
                "{\"schema_version\":{}}",
                "[]",
                "\"text\"",
                "5",
                "",
                "{\"key\":1} trailing",
                "{\"key\":1} {}",
                "{\"key\":1,",
                "{\"a\":\"\\ud83d\"}",
                "null"
            })
    void unusualRecordValuesAreReadAsDataBindingReadThem(String value) {
        assertSameReading(value);
    }

    @Test
    void theItemReaderGetsTheItemWhereverItIsAndTheLastOneWins() {
        List<String> seen = new ArrayList<>();
        EnvelopeCodec.Decoder<JsonNode> decoder = EnvelopeCodec.decoder(parser -> {
            seen.add(parser.currentToken().name());
            return parser.readValueAsTree();
        });
        assertThat(decoder.decode(bytes("{\"collection\":\"drivers\",\"key\":\"k\",\"item\":{\"a\":1}}"))
                        .item())
                .isEqualTo(MAPPER.readTree("{\"a\":1}"));
        EnvelopeCodec.Decoded<JsonNode> first =
                decoder.decode(bytes("{\"item\":{\"a\":[1.10]},\"key\":7,\"collection\":\"employees\"}"));
        assertThat(first.item()).isEqualTo(MAPPER.readTree("{\"a\":[1.10]}"));
        assertThat(first.header().key()).isEqualTo(DocumentKey.of(7));
        EnvelopeCodec.Decoded<JsonNode> twice =
                decoder.decode(bytes("{\"key\":\"first\",\"item\":{\"b\":2},\"key\":\"last\",\"item\":[3]}"));
        assertThat(twice.header().key()).isEqualTo(DocumentKey.of("last"));
        assertThat(twice.item()).isEqualTo(MAPPER.readTree("[3]"));
        assertThat(seen).containsExactly("START_OBJECT", "START_OBJECT", "START_OBJECT", "START_ARRAY");
        assertThat(decoder.decode(bytes("null"))).isNull();
    }

    @Test
    void whatTheItemReaderThrowsReachesTheCaller() {
        EnvelopeCodec.Decoder<JsonNode> refusing = EnvelopeCodec.decoder(parser -> {
            throw new IllegalStateException("cannot hold " + parser.currentToken());
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refusing.decode(bytes("{\"key\":1,\"item\":{}}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot hold START_OBJECT");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The codec's bytes (through a mapper and through an encoder) are data binding's bytes. */
    private static void assertSameBytes(RecordEnvelope envelope) {
        String expected = new String(MAPPER.writeValueAsBytes(DataBoundEnvelope.of(envelope)), StandardCharsets.UTF_8);
        assertThat(new String(SERIALIZER.serialize("t", envelope), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        if (envelope.schemaVersion() == RecordEnvelope.SCHEMA_VERSION
                && envelope.knownCollection().isPresent()) {
            assertThat(new String(encoded(envelope), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    private static byte[] encoded(RecordEnvelope envelope) {
        JsonNode item = envelope.item();
        return EnvelopeCodec.encoder(
                        envelope.runId(),
                        envelope.knownCollection().orElseThrow(),
                        envelope.endpoint(),
                        envelope.sourceUrl(),
                        envelope.fetchedAt(),
                        envelope.driverId())
                .encode(envelope.key(), item == null ? null : g -> g.writeTree(item));
    }

    /**
     * Both read {@code value} to the same envelope, or both refuse it with the same message (the type named as
     * {@code RecordEnvelope}); returns whether it was read. A value that is a string, number or boolean instead of
     * an object is refused by both, in other words: data binding looks for a constructor taking that scalar.
     */
    private static boolean assertSameReading(String value) {
        DataBoundEnvelope expected;
        try {
            expected = MAPPER.readValue(value, DataBoundEnvelope.class);
        } catch (JacksonException refused) {
            String message = refused.getOriginalMessage()
                    .replace(DataBoundEnvelope.class.getName(), RecordEnvelope.class.getName());
            boolean scalar = !value.isBlank() && "{[n".indexOf(value.strip().charAt(0)) < 0;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MAPPER.readValue(value, RecordEnvelope.class))
                    .as(value)
                    .isInstanceOf(scalar ? JacksonException.class : refused.getClass())
                    .satisfies(e -> {
                        if (!scalar) {
                            assertThat(((JacksonException) e).getOriginalMessage())
                                    .isEqualTo(message);
                        }
                    });
            return false;
        }
        RecordEnvelope actual = MAPPER.readValue(value, RecordEnvelope.class);
        if (expected == null) {
            assertThat(actual).as(value).isNull();
        } else {
            assertThat(DataBoundEnvelope.of(actual)).as(value).isEqualTo(expected);
        }
        return true;
    }

    private static final String[] FIELDS = {
        "schema_version",
        "run_id",
        "collection",
        "endpoint",
        "source_url",
        "fetched_at",
        "key",
        "driver_id",
        "item",
        "trace",
        "producer"
    };

    /** An envelope's JSON: its fields in any order, sometimes twice or missing, usually but not always well typed. */
    private static String envelopeText(RandomJson json, SplittableRandom random) {
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(12);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = FIELDS[random.nextInt(FIELDS.length)];
            out.append('"').append(field).append("\":");
            boolean typical = random.nextInt(6) != 0;
            out.append(
                    !typical
                            ? json.value(3)
                            : switch (field) {
                                case "schema_version" -> "1";
                                case "collection" ->
                                    "\"" + PeakonCollection.values()[random.nextInt(6)].collectionName() + "\"";
                                case "fetched_at" ->
                                    random.nextBoolean()
                                            ? "\"2026-11-23T03:00:12.345678Z\""
                                            : "\"2026-11-23T04:00:12.5+01:00\"";
                                case "key" -> random.nextBoolean() ? Long.toString(random.nextLong()) : json.string();
                                case "item" -> json.item();
                                default -> json.string();
                            });
        }
        return out.append('}').toString();
    }

    /** A header string: any text, or null. */
    private static String text(RandomJson json, SplittableRandom random) {
        return random.nextInt(8) == 0 ? null : MAPPER.readTree(json.string()).stringValue();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
