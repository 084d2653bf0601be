package org.peakoningest.writer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Same records delivered twice (the whole topics re-read by the group) → identical documents and identical
 * {@code ingestion_runs}.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-idem.",
    "peakon.writer.group-id=it-idem",
    "peakon.writer.runs-recount-interval=500ms"
})
class IdempotentDeliveryIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-idem.");

    private static final String GROUP = "it-idem";

    @Autowired
    MongoDatabase mongo;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void redeliveredRunLeavesDocumentsAndRunStatsIdentical() {
        String run = "run-idem-1";
        Instant start = Timestamps.now();
        List<RecordEnvelope> answers = new ArrayList<>();
        for (long id = 1; id <= 300; id++) {
            answers.add(WriterFixture.answer(run, id, start.plusMillis(id), "comment " + id));
        }
        sendRun(run, start, answers);

        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            assertThat(mongo.getCollection("answers_export").countDocuments()).isEqualTo(300);
            assertThat(runDoc(run).getString("landing_status")).isEqualTo("complete");
        });
        Document firstRun = runDoc(run);
        Map<String, Document> firstAnswers = WriterFixture.snapshot(mongo, "answers_export");
        assertThat(firstRun.get("collections", Document.class).get("answers_export", Document.class))
                .containsEntry("published", 300L)
                .containsEntry("landed", 300L);
        assertThat(firstRun.get("counts", Document.class)).containsEntry("answers_export", 300L);
        assertThat(firstRun).containsEntry("status", "success").containsEntry("sync_mode", "full");

        // Every record and event is delivered a second time: the group is rewound as after a crash before the
        // commit, or as with kafka-consumer-groups --reset-offsets --to-earliest.
        MessageListenerContainer container = registry.getListenerContainer(WriterListener.ID);
        container.stop();
        fixture.rewind(GROUP);
        assertThat(fixture.caughtUp(GROUP)).isFalse();
        container.start();

        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        await().pollDelay(java.time.Duration.ofSeconds(2))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> {
                    assertThat(WriterFixture.snapshot(mongo, "answers_export")).isEqualTo(firstAnswers);
                    assertThat(runDoc(run)).isEqualTo(firstRun);
                });
        assertThat(mongo.getCollection(MongoCollections.INGESTION_RUNS).countDocuments())
                .isEqualTo(1);
    }

    private static void sendRun(String run, Instant start, List<RecordEnvelope> answers) {
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of("answers_export")));
        fixture.send(answers);
        CollectionStats stats = new CollectionStats(CollectionStatus.SUCCESS, answers.size(), 1, List.of(), null);
        fixture.send(CollectionFinished.of(
                run, start.plusSeconds(1), PeakonCollection.ANSWERS_EXPORT.collectionName(), stats));
        fixture.send(RunFinished.of(
                run,
                start,
                start.plusSeconds(2),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("answers_export", stats)));
    }

    private Document runDoc(String run) {
        Document doc = mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .find(new Document("_id", run))
                .first();
        return doc == null ? new Document() : doc;
    }
}
