package org.peakoningest.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peakoningest.common.Golden;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fetcher's pre-encoded envelopes must be exactly what {@link ContractSerializer} writes. */
class EnvelopeBytesTest {

    private static final JsonMapper MAPPER = ContractJson.mapper();
    private static final ContractSerializer<RecordEnvelope> SERIALIZER = new ContractSerializer<>();
    private static final String RUN = "7f9c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";

    @ParameterizedTest
    @ValueSource(strings = {"envelope-answer.json", "envelope-score-by-driver.json",
            "envelope-from-a-newer-producer.json"})
    void goldenEnvelopesAreByteIdenticalToTheSerializer(String golden) {
        RecordEnvelope envelope = MAPPER.readValue(Golden.text(golden), RecordEnvelope.class);

        byte[] bytes = bytesOf(envelope);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(new String(SERIALIZER.serialize("t", envelope), StandardCharsets.UTF_8));
        assertThat(new ContractDeserializer.Envelopes().deserialize("t", bytes)).isEqualTo(envelope);
    }

    @Test
    void theAnswerGoldenFileIsWhatComesOut() {
        JsonNode golden = Golden.tree("envelope-answer.json");
        byte[] bytes = EnvelopeBytes.header(RUN, PeakonCollection.ANSWERS_EXPORT, "/answers/export",
                        "https://acme.peakon.com/api/v1/answers/export?per_page=10000",
                        Instant.parse("2026-11-23T03:00:12.345678Z"), null)
                .write(DocumentKey.of(123456), MAPPER.writeValueAsBytes(golden.get("item")));
        assertThat(MAPPER.readTree(bytes)).isEqualTo(golden);
    }

    static Stream<RecordEnvelope> unusualEnvelopes() {
        JsonNode item = MAPPER.readTree("{\"id\":\"x\",\"attributes\":{\"n\":[1,2.5,null,true,\"é😀\"]}}");
        Instant at = Instant.parse("2026-11-23T03:04:00Z");
        return Stream.of(
                // text keys that need escaping, and ones that do not
                RecordEnvelope.of(RUN, PeakonCollection.SCORES_BY_DRIVER, "/s", "u", at,
                        DocumentKey.of("a\"b\\c/d\u0001\u001f\u007f\n\t::é::😀"), "drv \"x\" é", item),
                RecordEnvelope.of(RUN, PeakonCollection.SCORES_CONTEXTS, "/s", "u", at,
                        DocumentKey.of("engagement::segment_1::1.5"), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.DRIVERS, "/d", "u", at, DocumentKey.of(""), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.DRIVERS, "/d", "u", at,
                        DocumentKey.of("0123456789abcdef".repeat(4)), null, item),
                // extreme numeric keys, and a string that looks like a number
                RecordEnvelope.of(RUN, PeakonCollection.EMPLOYEES, "/employees", "u", at,
                        DocumentKey.of(Long.MIN_VALUE), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.EMPLOYEES, "/employees", "u", at,
                        DocumentKey.of(Long.MAX_VALUE), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.EMPLOYEES, "/employees", "u", at, DocumentKey.of("42"), null,
                        item),
                // unusual header strings and instants
                RecordEnvelope.of("run \u2028 \"quoted\"", PeakonCollection.ANSWERS_EXPORT, "/answers/export",
                        "https://x.peakon.com/api/v1/answers/export?per_page=3&continuation=a%2Fb&q=é",
                        Instant.parse("2026-11-23T03:04:00.000001Z"), DocumentKey.of(7), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.DRIVERS_CATALOG, "static:drivers_catalog.csv",
                        "static:drivers_catalog.csv", Instant.parse("1970-01-01T00:00:00Z"), DocumentKey.of(1), null,
                        MAPPER.readTree("{\"id\":1527152,\"driver\":\"Engagement\",\"subdriver\":null}")),
                // absent fields are left out, as NON_NULL leaves them out
                RecordEnvelope.of(null, PeakonCollection.EMPLOYEES, null, null, null, DocumentKey.of(1), null, item),
                RecordEnvelope.of(RUN, PeakonCollection.EMPLOYEES, "/employees", "u", at, null, null, item),
                // items that are not objects still travel unchanged
                RecordEnvelope.of(RUN, PeakonCollection.DRIVERS, "/d", "u", at, DocumentKey.of("h"), null,
                        MAPPER.readTree("[1,\"a\"]")),
                RecordEnvelope.of(RUN, PeakonCollection.DRIVERS, "/d", "u", at, DocumentKey.of("h"), null,
                        MAPPER.readTree("\"just a string\"")));
    }

    @ParameterizedTest
    @MethodSource("unusualEnvelopes")
    void unusualEnvelopesAreByteIdenticalToTheSerializer(RecordEnvelope envelope) {
        assertThat(new String(bytesOf(envelope), StandardCharsets.UTF_8))
                .isEqualTo(new String(SERIALIZER.serialize("t", envelope), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 9, 10, -10, 99, 100, 123456, -2147483648L, 2147483648L, 999999999999999999L,
            1000000000000000000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1})
    void numericKeysAreWrittenAsTheSerializerWritesThem(long key) {
        RecordEnvelope envelope = RecordEnvelope.of(RUN, PeakonCollection.ANSWERS_EXPORT, "/answers/export", "u",
                Instant.parse("2026-11-23T03:04:00Z"), DocumentKey.of(key), null, MAPPER.readTree("{\"id\":\"1\"}"));
        assertThat(new String(bytesOf(envelope), StandardCharsets.UTF_8))
                .isEqualTo(new String(SERIALIZER.serialize("t", envelope), StandardCharsets.UTF_8));
    }

    @Test
    void theItemIsCopiedVerbatimFromASliceOfABuffer() {
        // A streaming reader keeps the item's own number text (1.10, 1e400) in a reused buffer.
        String itemText = "{\"id\":\"1\",\"attributes\":{\"answerId\":1,\"x\":1.10,\"y\":1e400,\"z\":123456789012345678901234}}";
        byte[] buffer = ("garbage" + itemText + "more garbage").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = EnvelopeBytes.header(RUN, PeakonCollection.ANSWERS_EXPORT, "/answers/export", "u",
                Instant.parse("2026-11-23T03:04:00Z"), null).write(DocumentKey.of(1), buffer, 7, itemText.length());

        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).endsWith(",\"key\":1,\"item\":" + itemText + "}");
        RecordEnvelope read = new ContractDeserializer.Envelopes().deserialize("t", bytes);
        assertThat(read.item()).isEqualTo(MAPPER.readTree(itemText));
        assertThat(read.defect()).isEmpty();
    }

    @Test
    void oneHeaderServesEveryItemOfAPage() {
        EnvelopeBytes header = EnvelopeBytes.header(RUN, PeakonCollection.ANSWERS_EXPORT, "/answers/export", "u",
                Instant.parse("2026-11-23T03:04:00Z"), null);
        List<JsonNode> items = List.of(MAPPER.readTree("{\"id\":\"1\"}"), MAPPER.readTree("{\"id\":\"2\"}"));
        for (int i = 0; i < items.size(); i++) {
            RecordEnvelope envelope = RecordEnvelope.of(RUN, PeakonCollection.ANSWERS_EXPORT, "/answers/export", "u",
                    Instant.parse("2026-11-23T03:04:00Z"), DocumentKey.of(i), null, items.get(i));
            assertThat(header.write(DocumentKey.of(i), MAPPER.writeValueAsBytes(items.get(i))))
                    .isEqualTo(SERIALIZER.serialize("t", envelope));
        }
    }

    private static byte[] bytesOf(RecordEnvelope envelope) {
        return EnvelopeBytes.header(envelope.runId(), envelope.knownCollection().orElseThrow(), envelope.endpoint(),
                        envelope.sourceUrl(), envelope.fetchedAt(), envelope.driverId())
                .write(envelope.key(), MAPPER.writeValueAsBytes(envelope.item()));
    }
}
