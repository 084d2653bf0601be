package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.testsupport.RandomJson;

/**
 * Property: for thousands of generated records (items with every kind of JSON the generator makes, envelopes in the
 * canonical and in other field orders) the writer stores byte for byte the {@link ReferenceDocuments reference
 * document}, or refuses the record exactly when the reference cannot be built, and reports the contract's defects.
 */
class StoredDocumentsTest {

    private final EnvelopeDeserializer reader = new EnvelopeDeserializer();

    @Test
    void generatedRecordsAreStoredAsTheReferenceStoresThem() {
        SplittableRandom random = new SplittableRandom(20261129L);
        RandomJson json = new RandomJson(20261129L);
        int stored = 0;
        int refused = 0;
        int defective = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] value = record(json, random);
            RecordEnvelope contract = ContractJson.mapper().readValue(value, RecordEnvelope.class);
            if (!ReferenceDocuments.storable(contract.item())) {
                // refused whatever the header says, as before: the item is converted while the record is read
                assertThatThrownBy(() -> reader.deserialize("t", value))
                        .as(new String(value, StandardCharsets.UTF_8))
                        .isInstanceOf(SerializationException.class)
                        .hasMessageContaining("MongoDB cannot store the item");
                refused++;
                continue;
            }
            if (contract.defect().isPresent()) {
                assertThat(reader.deserialize("t", value).defect()).isEqualTo(contract.defect());
                defective++;
                continue;
            }
            PeakonCollection collection = contract.knownCollection().orElseThrow();
            byte[] expected = ReferenceDocuments.of(contract, collection, i % 6, i);
            DecodedEnvelope decoded = reader.deserialize("t", value);
            assertThat(decoded.defect()).isEmpty();
            RawBsonDocument document = DocumentMapper.toPending(decoded, collection, i % 6, i, null)
                    .document();
            assertThat(bytes(document))
                    .as(new String(value, StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            stored++;
        }
        assertThat(stored).isGreaterThan(3000);
        assertThat(refused).isGreaterThan(20);
        assertThat(defective).isGreaterThan(100);
    }

    /** A record value: a generated item behind a header, the fields usually in the canonical order. */
    private static byte[] record(RandomJson json, SplittableRandom random) {
        PeakonCollection collection = PeakonCollection.values()[random.nextInt(PeakonCollection.values().length)];
        DocumentKey key = switch (random.nextInt(5)) {
            case 0 -> DocumentKey.of(random.nextInt());
            case 1 -> DocumentKey.of(random.nextLong());
            case 2 -> null;
            default ->
                DocumentKey.of(ContractJson.mapper().readTree(json.string()).stringValue());
        };
        String item = json.item();
        String driverId = random.nextBoolean() ? "autonomy" : null;
        Instant fetchedAt = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1000), random.nextInt(1000) * 1000L);
        if (random.nextInt(4) == 0) {
            // another producer's field order: the item first, the header after it
            String keyJson = key == null ? "null" : ContractJson.mapper().writeValueAsString(key);
            return ("{\"item\":" + item + ",\"key\":" + keyJson + ",\"collection\":\"" + collection
                            + "\",\"run_id\":\"r-" + random.nextInt(9) + "\",\"fetched_at\":\"" + fetchedAt
                            + "\",\"source_url\":" + json.string() + ",\"driver_id\":"
                            + (driverId == null ? "null" : "\"" + driverId + "\"") + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return EnvelopeCodec.encoder(
                        "run-" + random.nextInt(9),
                        collection,
                        "/" + collection,
                        ContractJson.mapper().readTree(json.string()).stringValue(),
                        fetchedAt,
                        driverId)
                .encode(key, generator -> generator.writeRawValue(item));
    }

    static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
