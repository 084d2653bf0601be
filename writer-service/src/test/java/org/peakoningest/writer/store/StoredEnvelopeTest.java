package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.testsupport.RandomJson;

/**
 * Property: the envelope made of a stored document, read by the writer again, stores the same document (only
 * {@code _source} names the new record), for thousands of generated items and every collection: a stored version
 * published again is that version, not an approximation of it.
 */
class StoredEnvelopeTest {

    private final EnvelopeDeserializer reader = new EnvelopeDeserializer();

    @Test
    void aStoredDocumentPublishedAgainIsStoredAsTheSameDocument() {
        SplittableRandom random = new SplittableRandom(20261130L);
        RandomJson json = new RandomJson(20261130L);
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            PeakonCollection collection = PeakonCollection.values()[i % PeakonCollection.values().length];
            DocumentKey key = switch (random.nextInt(3)) {
                case 0 -> DocumentKey.of(random.nextInt());
                case 1 -> DocumentKey.of(random.nextLong());
                default ->
                    DocumentKey.of(ContractJson.mapper().readTree(json.string()).stringValue());
            };
            byte[] value = EnvelopeCodec.encoder(
                            "run-" + random.nextInt(9),
                            collection,
                            random.nextBoolean() ? "/" + collection : null,
                            ContractJson.mapper().readTree(json.string()).stringValue(),
                            Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1000), random.nextInt(1000) * 1000L),
                            random.nextBoolean() ? "autonomy" : null)
                    .encode(key, generator -> generator.writeRawValue(json.item()));
            DecodedEnvelope first;
            try {
                first = reader.deserialize("t", value);
            } catch (SerializationException unstorable) {
                continue; // never stored, so never published again
            }
            if (first.defect().isPresent()) {
                continue; // dead-lettered, never stored
            }
            RawBsonDocument stored = DocumentMapper.toPending(first, collection, 2, 100 + i, null)
                    .document();

            byte[] again = StoredEnvelope.of(collection, stored, key);
            DecodedEnvelope second = reader.deserialize("t", again);
            assertThat(second.defect()).isEmpty();
            assertThat(second.header().key()).isEqualTo(key);
            RawBsonDocument restored = DocumentMapper.toPending(second, collection, 2, 100 + i, null)
                    .document();
            assertThat(StoredDocumentsTest.bytes(restored))
                    .as(new String(value, StandardCharsets.UTF_8))
                    .isEqualTo(StoredDocumentsTest.bytes(stored));

            BsonDocument moved = DocumentMapper.toPending(second, collection, 2, 5000 + i, null)
                    .document()
                    .decode(new BsonDocumentCodec());
            assertThat(moved.getDocument("_source").getInt64("offset").getValue())
                    .isEqualTo(5000L + i);
            moved.remove("_source");
            BsonDocument original = stored.decode(new BsonDocumentCodec());
            original.remove("_source");
            assertThat(moved).isEqualTo(original);
            checked++;
        }
        assertThat(checked).isGreaterThan(2500);
    }

    @Test
    void numbersKeepTheirBsonTypeAndValue() {
        String item = "{\"i\":5,\"l\":3000000000,\"big\":123456789012345678901234567890,\"d\":5.0,\"e\":1e10,"
                + "\"tiny\":1e-7,\"neg\":-0.0,\"huge\":1e400,\"nested\":[{\"x\":[1.5,null,true]}],\"driver_id\":\"x\"}";
        byte[] value = EnvelopeCodec.encoder(
                        "run-1", PeakonCollection.ANSWERS_EXPORT, "/answers/export", "https://x", Instant.EPOCH, null)
                .encode(DocumentKey.of(7), generator -> generator.writeRawValue(item));
        RawBsonDocument stored = DocumentMapper.toPending(
                        reader.deserialize("t", value), PeakonCollection.ANSWERS_EXPORT, 0, 1, null)
                .document();

        RawBsonDocument again = DocumentMapper.toPending(
                        reader.deserialize(
                                "t", StoredEnvelope.of(PeakonCollection.ANSWERS_EXPORT, stored, DocumentKey.of(7))),
                        PeakonCollection.ANSWERS_EXPORT,
                        0,
                        1,
                        null)
                .document();

        assertThat(again).isEqualTo(stored);
        assertThat(again.get("l").isInt64()).isTrue();
        assertThat(again.get("big").isDecimal128()).isTrue();
        assertThat(again.get("d").isDouble()).isTrue();
        assertThat(again.getDouble("huge").getValue()).isEqualTo(Double.POSITIVE_INFINITY);
        // driver_id is part of the item outside scores_by_driver
        assertThat(again.getString("driver_id").getValue()).isEqualTo("x");
    }

    @Test
    void aPersonsDepartureStatusIsNotPublishedWithTheirVersion() {
        // issue #14: present / absent_since are the writer's verdict on the stored version, not part of it. Published
        // again (compaction repair), a stale verdict would be read back by every replay as part of the item.
        String item = "{\"id\":\"7\",\"type\":\"employees\",\"attributes\":{\"name\":\"P\"}}";
        byte[] value = EnvelopeCodec.encoder(
                        "run-1", PeakonCollection.EMPLOYEES, "/employees", "https://x", Instant.EPOCH, null)
                .encode(DocumentKey.of(7), generator -> generator.writeRawValue(item));
        RawBsonDocument version = DocumentMapper.toPending(
                        reader.deserialize("t", value), PeakonCollection.EMPLOYEES, 0, 1, null)
                .document();
        BsonDocument judged = version.decode(new BsonDocumentCodec());
        judged.put("present", org.bson.BsonBoolean.FALSE);
        judged.put("absent_since", new org.bson.BsonString("2026-11-23T03:00:00.000000Z"));
        RawBsonDocument stored = new RawBsonDocument(judged, new BsonDocumentCodec());

        RawBsonDocument again = DocumentMapper.toPending(
                        reader.deserialize(
                                "t", StoredEnvelope.of(PeakonCollection.EMPLOYEES, stored, DocumentKey.of(7))),
                        PeakonCollection.EMPLOYEES,
                        0,
                        1,
                        null)
                .document();

        assertThat(again).isEqualTo(version);
        assertThat(again.containsKey("present")).isFalse();
        assertThat(again.containsKey("absent_since")).isFalse();
    }
}
