package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Never regress: an older version after a newer one leaves the newer stored, through the bulk writer directly
 * (including the race with another writer between read and write) and end to end through Kafka, and the writer
 * reports when such a record would hide the stored version from compaction. Tombstones delete only what an earlier
 * record stored.
 */
@WriterIntegrationTest({"peakon.writer.topic-prefix=it-regress.", "peakon.writer.group-id=it-regress"})
class NeverRegressIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-regress.");

    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:00:00Z");

    @Autowired
    BulkDocumentWriter writer;

    @Autowired
    MongoDatabase mongo;

    @Test
    void conditionalUpsertKeepsTheNewestVersion() {
        long id = 900_001;
        StoreResult first = writer.write(List.of(version(id, T2, 0, 10, "newer")));
        assertThat(first.written()).isEqualTo(1);

        StoreResult older = writer.write(List.of(version(id, T1, 0, 20, "older")));
        assertThat(older.stale()).isEqualTo(1);
        assertThat(older.written()).isZero();
        assertThat(older.rejected()).isEmpty();
        assertThat(comment(id)).isEqualTo("newer");

        // Same fetched_at: the offset decides; the same version again is a no-op.
        assertThat(writer.write(List.of(version(id, T2, 0, 9, "same time, earlier offset")))
                        .stale())
                .isEqualTo(1);
        assertThat(writer.write(List.of(version(id, T2, 0, 10, "newer"))).stale())
                .isEqualTo(1);
        assertThat(writer.write(List.of(version(id, T2, 0, 11, "same time, later offset")))
                        .written())
                .isEqualTo(1);
        assertThat(comment(id)).isEqualTo("same time, later offset");
    }

    @Test
    void aNewerVersionStoredBetweenTheReadAndTheWriteIsNotOverwritten() {
        long id = 900_004;
        writer.write(List.of(version(id, T2, 0, 3, "stored meanwhile by another writer")));
        // This writer read the document when it was still at T1 and decided its own T1.5 version is newer.
        PendingDocument mine = version(id, T1.plusSeconds(3600), 0, 4, "older than what is stored now");
        var model = new NeverRegressReplace().model(mine, new StoredVersion("2026-11-20T10:00:00.000000Z", 1L));
        var result = answers().bulkWrite(List.of(model));
        assertThat(result.getMatchedCount()).isZero();
        assertThat(result.getInsertedCount()).isZero();
        assertThat(comment(id)).isEqualTo("stored meanwhile by another writer");
        // Two writers inserting the same new document: the second plain insert fails with E11000, which sends the
        // bulk writer to the compare path for that document.
        PendingDocument racing = version(900_005, T1, 0, 1, "first");
        writer.write(List.of(racing));
        var insert = new NeverRegressReplace().model(version(900_005, T2, 0, 2, "second"), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> answers().bulkWrite(List.of(insert)))
                .isInstanceOf(com.mongodb.MongoBulkWriteException.class)
                .hasMessageContaining("11000");
        StoreResult second = writer.write(List.of(version(900_005, T2, 0, 2, "second")));
        assertThat(second.written()).isEqualTo(1);
        assertThat(comment(900_005)).isEqualTo("second");
    }

    @Test
    void withinOneBatchTheNewestVersionWinsWhateverTheOrder() {
        long id = 900_002;
        StoreResult result = writer.write(List.of(
                version(id, T2, 1, 5, "newest"), version(id, T1, 1, 7, "oldest"), version(900_003, T1, 2, 1, "x")));
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.stale()).isEqualTo(1);
        assertThat(comment(id)).isEqualTo("newest");
        Document stored = mongo.getCollection("answers_export")
                .find(new Document("_id", (int) id))
                .first();
        assertThat(stored.get("_source", Document.class))
                .containsEntry("partition", 1)
                .containsEntry("offset", 5L);
    }

    @Test
    void anOlderVersionFromALaterRecordIsReportedAsHidingTheStoredOne() {
        long id = 900_004;
        writer.write(List.of(version(id, T2, 1, 5, "newer")));

        // Compaction keeps the last record of a key: here the older version, not the stored one.
        StoreResult later = writer.write(List.of(version(id, T1, 1, 8, "older, later on the topic")));
        assertThat(later.stale()).isEqualTo(1);
        assertThat(later.shadowed()).containsExactly(new KeyPosition(PeakonCollection.ANSWERS_EXPORT, (int) id, 1, 8));
        // In one batch too: the newest version is stored, the last record hides it.
        StoreResult inOneBatch =
                writer.write(List.of(version(900_005, T2, 1, 5, "newest"), version(900_005, T1, 1, 7, "oldest, last")));
        assertThat(inOneBatch.shadowed())
                .containsExactly(new KeyPosition(PeakonCollection.ANSWERS_EXPORT, 900_005, 1, 7));
        // The stored version's own record again (redelivery) or an earlier one hides nothing.
        assertThat(writer.write(List.of(version(id, T2, 1, 5, "newer"), version(id, T1, 1, 3, "earlier")))
                        .shadowed())
                .isEmpty();
        assertThat(comment(id)).isEqualTo("newer");
    }

    @Test
    void aTombstoneDeletesTheDocumentOfAnEarlierRecordOnly() {
        writer.write(List.of(version(900_020, T1, 0, 10, "deleted"), version(900_021, T1, 0, 30, "stays")));

        StoreResult result = writer.write(
                List.of(version(900_022, T1, 0, 40, "before its tombstone"), version(900_023, T1, 0, 42, "after it")),
                List.of(
                        tombstone(900_020, 20),
                        tombstone(900_021, 20),
                        tombstone(900_022, 41),
                        tombstone(900_023, 41)));

        assertThat(result.deleted()).containsEntry(PeakonCollection.ANSWERS_EXPORT, 1);
        assertThat(exists(900_020)).isFalse();
        // Stored from a later record than the tombstone (a replay into the live database reads old tombstones).
        assertThat(comment(900_021)).isEqualTo("stays");
        assertThat(exists(900_022)).isFalse();
        assertThat(comment(900_023)).isEqualTo("after it");
        assertThat(result.written()).isEqualTo(1);
        assertThat(result.stale()).isEqualTo(1);
    }

    @Test
    void olderRecordAfterNewerOnTheTopicLeavesTheNewerDocument() {
        long id = 900_010;
        fixture.send(WriterFixture.answer("run-b", id, T2, "newer"));
        fixture.send(WriterFixture.answer("run-a", id, T1, "older, delivered late"));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-regress"));
        assertThat(comment(id)).isEqualTo("newer");
        Document stored = mongo.getCollection("answers_export")
                .find(new Document("_id", (int) id))
                .first();
        assertThat(stored).containsEntry("run_id", "run-b").containsEntry("fetched_at", "2026-11-21T10:00:00.000000Z");
    }

    @Test
    void aBatchOfNewAndStoredDocumentsStoresTheSameWhicheverPathItTakes() {
        writer.write(List.of(version(901_001, T1, 0, 1, "old"), version(901_002, T2, 0, 2, "current")));
        // Mostly new: inserted first; the two stored ids answer E11000 and are compared.
        List<PendingDocument> mostlyNew = new ArrayList<>();
        for (long id = 901_010; id < 901_020; id++) {
            mostlyNew.add(version(id, T1, 1, id, "new"));
        }
        mostlyNew.add(version(901_001, T2, 0, 3, "updated"));
        mostlyNew.add(version(901_002, T1, 0, 4, "older than stored"));
        StoreResult first = writer.write(mostlyNew);
        assertThat(first.written()).isEqualTo(11);
        assertThat(first.stale()).isEqualTo(1);
        assertThat(first.rejected()).isEmpty();
        assertThat(comment(901_001)).isEqualTo("updated");
        assertThat(comment(901_002)).isEqualTo("current");

        // Mostly stored (the next batch compares first): newer versions replace, an older one and a new id too.
        List<PendingDocument> mostlyStored = new ArrayList<>();
        for (long id = 901_010; id < 901_020; id++) {
            mostlyStored.add(version(id, T2, 1, id + 100, "re-crawled"));
        }
        mostlyStored.add(version(901_002, T1, 0, 5, "still older"));
        mostlyStored.add(version(901_030, T1, 0, 6, "new among stored"));
        StoreResult second = writer.write(mostlyStored);
        assertThat(second.written()).isEqualTo(11);
        assertThat(second.stale()).isEqualTo(1);
        assertThat(comment(901_015)).isEqualTo("re-crawled");
        assertThat(comment(901_030)).isEqualTo("new among stored");
        assertThat(comment(901_002)).isEqualTo("current");

        // And mostly new again after that: back to inserting first, same rules.
        StoreResult third = writer.write(List.of(
                version(901_040, T1, 0, 7, "a"), version(901_041, T1, 0, 8, "b"), version(901_030, T2, 0, 9, "newer")));
        assertThat(third.written()).isEqualTo(3);
        assertThat(comment(901_030)).isEqualTo("newer");
        assertThat(answers()
                        .countDocuments(com.mongodb.client.model.Filters.and(
                                com.mongodb.client.model.Filters.gte("_id", 901_000),
                                com.mongodb.client.model.Filters.lt("_id", 902_000))))
                .isEqualTo(15);
    }

    private com.mongodb.client.MongoCollection<RawBsonDocument> answers() {
        return mongo.getCollection("answers_export").withDocumentClass(RawBsonDocument.class);
    }

    private boolean exists(long id) {
        return mongo.getCollection("answers_export").countDocuments(new Document("_id", (int) id)) > 0;
    }

    private static KeyPosition tombstone(long id, long offset) {
        return new KeyPosition(PeakonCollection.ANSWERS_EXPORT, (int) id, 0, offset);
    }

    private String comment(long id) {
        Document doc = mongo.getCollection("answers_export")
                .find(new Document("_id", (int) id))
                .first();
        return doc.get("attributes", Document.class).getString("answerComment");
    }

    private static PendingDocument version(long id, Instant fetchedAt, int partition, long offset, String comment) {
        RecordEnvelope envelope = WriterFixture.answer("run-x", id, fetchedAt, comment);
        return DocumentMapper.toPending(
                WriterFixture.decoded(envelope), PeakonCollection.ANSWERS_EXPORT, partition, offset, null);
    }
}
