package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.erasure.ErasureRecord;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.store.KeyPosition;

/**
 * Records that must never become documents are sorted out as poison, with a reason a user can act on (issue #12):
 * a {@code fetched_at} further in the future than {@code WRITER_MAX_CLOCK_SKEW} (stored, it would win over every
 * real crawl of its document forever) and an envelope of a schema version this writer does not know.
 */
class IncomingBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration SKEW = Duration.ofHours(1);
    private static final WriterTopics TOPICS = new WriterTopics(new TopicNames("t."));

    @Test
    void aRecordFetchedFurtherInTheFutureThanTheSkewIsPoison() {
        IncomingBatch batch = IncomingBatch.sort(
                List.of(
                        record(0, answer(1, NOW.plus(Duration.ofMinutes(59)))),
                        record(1, answer(2, NOW.plus(Duration.ofMinutes(61)))),
                        record(2, answer(3, NOW.minus(Duration.ofDays(30))))),
                TOPICS,
                NOW,
                SKEW);

        assertThat(batch.documents()).extracting(d -> d.id()).containsExactly(1, 3);
        assertThat(batch.poison()).singleElement().satisfies(p -> {
            assertThat(p.record().offset()).isEqualTo(1);
            assertThat(p.reason())
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessage("fetched_at 2026-11-30T13:01:00.000000Z is more than PT1H ahead of the writer's clock"
                            + " (WRITER_MAX_CLOCK_SKEW)");
        });
    }

    @Test
    void anEnvelopeOfANewerSchemaVersionIsPoisonWithAClearReason() {
        RecordEnvelope current = answer(1, NOW);
        RecordEnvelope newer = new RecordEnvelope(
                2,
                current.runId(),
                current.collection(),
                current.endpoint(),
                current.sourceUrl(),
                current.fetchedAt(),
                DocumentKey.of(2),
                null,
                WriterFixture.answerItem(2, "c"));

        IncomingBatch batch = IncomingBatch.sort(List.of(record(0, current), record(1, newer)), TOPICS, NOW, SKEW);

        assertThat(batch.documents()).extracting(d -> d.id()).containsExactly(1);
        assertThat(batch.poison())
                .singleElement()
                .extracting(p -> p.reason().getMessage())
                .isEqualTo("envelope schema_version 2 is newer than this consumer reads (1)");
    }

    @Test
    void aTombstoneDeletesTheDocumentItsKeyNamesAndPoisonSaysWhichKeyItHides() {
        List<ConsumerRecord<String, Object>> records = List.of(
                new ConsumerRecord<>("t.answers_export", 2, 10, "42", null),
                new ConsumerRecord<>("t.employees", 1, 11, "\"e-1\"", null),
                // keys no document has: compaction keeps them apart, so there is nothing to delete or to protect
                new ConsumerRecord<>("t.answers_export", 2, 12, "042", null),
                new ConsumerRecord<>("t.run_events", 0, 13, "\"run-1\"", null),
                record(14, answer(7, NOW.plus(Duration.ofDays(1)))),
                new ConsumerRecord<>("t.answers_export", 0, 15, "not json", answer(8, NOW)));

        IncomingBatch batch = IncomingBatch.sort(records, TOPICS, NOW, SKEW);

        assertThat(batch.tombstones())
                .containsExactly(
                        new KeyPosition(PeakonCollection.ANSWERS_EXPORT, 42, 2, 10),
                        new KeyPosition(PeakonCollection.EMPLOYEES, "e-1", 1, 11));
        assertThat(batch.ignored()).isEqualTo(2);
        assertThat(batch.poison()).extracting(p -> p.record().offset()).containsExactly(14L, 15L);
        assertThat(batch.poisoned()).containsExactly(new KeyPosition(PeakonCollection.ANSWERS_EXPORT, 7, 0, 14));
        assertThat(batch.documents()).isEmpty();
    }

    @Test
    void anErasureIsRecordedItsOldStyleLiftIsIgnoredAndOneUnderAnotherKeyIsPoison() {
        String hash = "ab".repeat(32);
        ErasureRecord erasure = new ErasureRecord(
                ErasureRecord.SCHEMA_VERSION,
                hash,
                "2026-11-30T10:00:00.000000Z",
                "dpo",
                "0123456789abcdef",
                Map.of("employees", 1L),
                Map.of("run-1", Map.of("employees", 1L)),
                null,
                null);
        List<ConsumerRecord<String, Object>> records = List.of(
                new ConsumerRecord<>("t.erasures", 0, 1, ErasureRecord.key(hash), erasure),
                // a lift before schema version 2: the register's business; the writer keeps its accounting
                new ConsumerRecord<>("t.erasures", 0, 2, ErasureRecord.key(hash), null),
                // compaction keeps the last record per key: a record under another key would outlive its person's
                new ConsumerRecord<>("t.erasures", 0, 3, ErasureRecord.key("cd".repeat(32)), erasure));

        IncomingBatch batch = IncomingBatch.sort(records, TOPICS, NOW, SKEW);

        assertThat(batch.erasures()).containsExactly(erasure);
        assertThat(batch.ignored()).isEqualTo(1);
        assertThat(batch.poison()).singleElement().satisfies(p -> {
            assertThat(p.record().offset()).isEqualTo(3);
            assertThat(p.reason()).hasMessage("erasure whose employee_hash is not its record key");
        });
        assertThat(batch.tombstones()).isEmpty();
        assertThat(batch.poisoned()).isEmpty();
    }

    private static RecordEnvelope answer(long id, Instant fetchedAt) {
        return WriterFixture.answer("run-b", id, fetchedAt, "c" + id);
    }

    private static ConsumerRecord<String, Object> record(long offset, RecordEnvelope envelope) {
        return new ConsumerRecord<>(
                "t.answers_export", 0, offset, RecordKeys.of(envelope.key()), WriterFixture.decoded(envelope));
    }
}
