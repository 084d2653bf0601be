package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;

/**
 * The writer reads envelopes in one streaming pass; for every input it must agree with the contract's reader: the
 * same header, the stored document the {@link ReferenceDocuments reference} builds from the contract's tree, or the
 * same refusal.
 */
class EnvelopeDeserializerTest {

    private static final String HEADER = "\"schema_version\":1,\"run_id\":\"r-1\",\"collection\":\"answers_export\","
            + "\"endpoint\":\"/answers/export\",\"source_url\":\"https://x/a?page=2\","
            + "\"fetched_at\":\"2026-11-23T03:00:12.345678Z\",\"key\":123456";

    private final EnvelopeDeserializer reader = new EnvelopeDeserializer();

    static List<String> inputs() {
        return List.of(
                // canonical: every value type, nesting, escapes, unicode, numbers at the int/long/Decimal128 edges
                "{" + HEADER + ",\"item\":{\"id\":\"1\",\"attributes\":{\"answerId\":123456,\"score\":9.5,"
                        + "\"big\":12345678901,\"huge\":123456789012345678901234567890,\"neg\":-2147483649,"
                        + "\"tags\":[\"a\",null,true,false,[1,{\"x\":1.0}]],\"text\":\"\\\"quoted\\\" \\u00e9\\n\","
                        + "\"empty\":{},\"none\":null,\"exp\":1e3,\"tiny\":-0.0}}}",
                // item before the header, unknown fields around it, driver_id and a null endpoint
                "{\"item\":{\"id\":\"x\"},\"trace\":{\"id\":[1,2]}," + HEADER + ",\"driver_id\":\"autonomy\","
                        + "\"endpoint\":null,\"producer\":\"f\"}",
                // defective but readable: no item object, item an array, no key
                "{" + HEADER + "}",
                "{" + HEADER + ",\"item\":[1,2]}",
                "{\"run_id\":\"r\",\"collection\":\"employees\",\"fetched_at\":\"2026-11-23T03:00:12Z\",\"item\":{}}",
                // not the canonical shape: members and fields named twice, other types
                "{" + HEADER + ",\"item\":{\"a\":1,\"b\":{\"c\":1,\"c\":2},\"a\":3}}",
                "{" + HEADER + ",\"key\":\"again\",\"item\":{}}",
                "{" + HEADER + ",\"item\":{\"x\":1},\"key\":\"after the item\"}",
                "{\"schema_version\":\"1\",\"run_id\":5,\"collection\":\"employees\",\"key\":\"k\","
                        + "\"fetched_at\":\"2026-11-23T03:00:12.3Z\",\"item\":{\"a\":1}}",
                "{" + HEADER.replace("123456", "9223372036854775807") + ",\"item\":{\"_id\":\"spoof\",\"a\":1}}",
                "{" + HEADER.replace("answers_export", "scores_by_driver") + ",\"driver_id\":\"autonomy\","
                        + "\"item\":{\"driver_id\":\"spoof\",\"driver_id\":\"twice\",\"x\":\"\\ud83d lone\"}}");
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theWriterAgreesWithTheContractReader(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        DecodedEnvelope read = reader.deserialize("t", bytes);
        RecordEnvelope contract = ContractJson.mapper().readValue(bytes, RecordEnvelope.class);

        assertThat(read.original()).isSameAs(bytes);
        assertThat(read.header().runId()).isEqualTo(contract.runId());
        assertThat(read.header().key()).isEqualTo(contract.key());
        assertThat(read.header().fetchedAt()).isEqualTo(contract.fetchedAt());
        assertThat(read.header().driverId()).isEqualTo(contract.driverId());
        assertThat(read.defect()).isEqualTo(contract.defect());
        if (contract.defect().isEmpty()) {
            PeakonCollection collection = contract.knownCollection().orElseThrow();
            assertThat(StoredDocumentsTest.bytes(DocumentMapper.toPending(read, collection, 1, 2, null)
                            .document()))
                    .isEqualTo(ReferenceDocuments.of(contract, collection, 1, 2));
        }
    }

    @Test
    void anItemIsStoredWithPythonsNumberTypesInItsOwnOrder() {
        DecodedEnvelope envelope = read("{" + HEADER + ",\"item\":{\"id\":\"1\",\"attributes\":{"
                + "\"i\":7,\"l\":12345678901,\"d\":123456789012345678901234567890,\"f\":9.5,"
                + "\"tags\":[\"a\",null]}}}");
        Document item = item(envelope);
        assertThat(List.copyOf(item.keySet())).containsExactly("id", "attributes");
        Document attributes = item.get("attributes", Document.class);
        assertThat(attributes.get("i")).isEqualTo(7);
        assertThat(attributes.get("l")).isEqualTo(12345678901L);
        assertThat(attributes.get("d")).isEqualTo(Decimal128.parse("123456789012345678901234567890"));
        assertThat(attributes.get("f")).isEqualTo(9.5);
        assertThat(attributes.getList("tags", Object.class)).containsExactly("a", null);
        assertThat(envelope.header().key()).isEqualTo(DocumentKey.of(123456));
        assertThat(envelope.header().fetchedAt()).isEqualTo(Instant.parse("2026-11-23T03:00:12.345678Z"));
        assertThat(envelope.defect()).isEmpty();
    }

    @Test
    void aMemberNamedTwiceKeepsTheLastValueLikeAJsonTree() {
        Document item = item(read("{" + HEADER + ",\"item\":{\"a\":1,\"b\":2,\"a\":3}}"));
        assertThat(item).containsEntry("a", 3).containsEntry("b", 2).hasSize(2);
        assertThat(List.copyOf(item.keySet())).containsExactly("a", "b");
    }

    @Test
    void membersTheWriterReplacesAreLeftOutAndADriverIdIsLocated() {
        DecodedEnvelope envelope = read("{" + HEADER + ",\"item\":{\"_id\":1,\"run_id\":2,\"fetched_at\":3,"
                + "\"endpoint\":4,\"source_url\":5,\"_source\":6,\"keep\":7,\"driver_id\":\"d\",\"after\":8}}");
        assertThat(List.copyOf(item(envelope).keySet())).containsExactly("keep", "driver_id", "after");
        assertThat(envelope.item().hasDriverId()).isTrue();
        assertThat(read("{" + HEADER + ",\"item\":{\"a\":{\"driver_id\":1}}}")
                        .item()
                        .hasDriverId())
                .isFalse();
    }

    @Test
    void defectsAreTheContractsOwn() {
        assertThat(read("{" + HEADER + ",\"item\":\"text\"}").defect()).contains("envelope has no item object");
        assertThat(read("{" + HEADER.replace("answers_export", "surveys") + ",\"item\":{}}")
                        .defect())
                .contains("unknown collection 'surveys'");
    }

    @Test
    void unreadableBytesAreRefusedAsTheContractReaderRefusesThem() {
        assertThatThrownBy(() -> read("{\"schema_version\":1,\"run_id\":"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a valid RecordEnvelope on t");
        assertThatThrownBy(() -> read("{" + HEADER.replace("123456", "12.5") + ",\"item\":{}}"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a valid RecordEnvelope on t")
                .hasMessageContaining("a document key is a whole number or a string, not 12.5");
        assertThatThrownBy(() -> read("null"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a valid RecordEnvelope on t");
        assertThatThrownBy(() -> read("{" + HEADER + ",\"item\":{\"n\":" + "9".repeat(40) + "}}"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("MongoDB cannot store the item");
        assertThatThrownBy(() -> read("{" + HEADER + ",\"item\":{\"a\\u0000b\":1}}"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("null character");
    }

    private DecodedEnvelope read(String json) {
        return reader.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Document item(DecodedEnvelope envelope) {
        return new RawBsonDocument(envelope.item().bytes()).decode(new DocumentCodec());
    }
}
