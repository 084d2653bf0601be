package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.peakoningest.writer.runs.RunEventApplier;
import org.peakoningest.writer.store.BulkDocumentWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The writer stopped hard between the Mongo write and the offset commit: a member of the writer's group reads the
 * run, writes it through the writer's own write path and dies without committing. The restarted writer reads
 * everything again: no duplicate, no loss, landed exact.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-crash.",
    "peakon.writer.group-id=it-crash",
    "peakon.writer.auto-startup=false",
    "peakon.writer.runs-recount-interval=500ms"
})
class CrashBeforeCommitIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-crash.");

    private static final String GROUP = "it-crash";
    private static final String RUN = "run-crash";

    @Autowired
    MongoDatabase mongo;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Autowired
    ConsumerFactory<Object, Object> consumers;

    @Autowired
    BulkDocumentWriter documents;

    @Autowired
    RunEventApplier runEvents;

    @Autowired
    WriterTopics topics;

    @Test
    void restartAfterWriteWithoutCommitDuplicatesNothingAndLosesNothing() {
        Instant start = Instant.parse("2026-11-25T12:00:00Z");
        List<RecordEnvelope> answers = new ArrayList<>();
        for (long id = 1; id <= 400; id++) {
            answers.add(WriterFixture.answer(RUN, id, start.plusMillis(id), "c" + id));
        }
        CollectionStats stats = new CollectionStats(CollectionStatus.SUCCESS, 400, 1, List.of(), null);
        fixture.send(RunStarted.of(RUN, start, SyncMode.INCREMENTAL, List.of("answers_export")));
        fixture.send(answers);
        fixture.send(CollectionFinished.of(RUN, start.plusSeconds(5), "answers_export", stats));
        fixture.send(RunFinished.of(
                RUN,
                start,
                start.plusSeconds(6),
                SyncMode.INCREMENTAL,
                RunStatus.SUCCESS,
                null,
                Map.of("answers_export", stats)));

        writeEverythingThenDieWithoutCommitting(403);
        assertThat(mongo.getCollection("answers_export").countDocuments()).isEqualTo(400);
        assertThat(fixture.committed(GROUP).values()).allMatch(offset -> offset == 0L);
        Map<String, Document> beforeRestart = WriterFixture.snapshot(mongo, "answers_export");

        registry.getListenerContainer(WriterListener.ID).start();

        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            Document run = mongo.getCollection(MongoCollections.INGESTION_RUNS)
                    .find(new Document("_id", RUN))
                    .first();
            assertThat(run).isNotNull();
            assertThat(run.getString("landing_status")).isEqualTo("complete");
            assertThat(run.get("collections", Document.class).get("answers_export", Document.class))
                    .containsEntry("landed", 400L)
                    .containsEntry("published", 400L);
        });
        assertThat(mongo.getCollection("answers_export").countDocuments()).isEqualTo(400);
        assertThat(WriterFixture.snapshot(mongo, "answers_export")).isEqualTo(beforeRestart);
        assertThat(mongo.getCollection(MongoCollections.INGESTION_RUNS).countDocuments())
                .isEqualTo(1);
    }

    private void writeEverythingThenDieWithoutCommitting(int expected) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (Consumer<Object, Object> consumer = consumers.createConsumer(GROUP, "crashing")) {
            consumer.subscribe(fixture.subscribed());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<Object, Object> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(
                            new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), (String) r.key(), r.value()));
                }
            }
            IncomingBatch batch = IncomingBatch.sort(records, topics, java.time.Instant.now(), Duration.ofHours(1));
            documents.write(batch.documents());
            batch.runEvents().forEach(runEvents::apply);
            // closed here without a commit: the process "died" after Mongo acknowledged the writes
        }
        assertThat(records).hasSize(expected);
    }
}
