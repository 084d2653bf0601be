package org.peakoningest.writer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.writer.WriterApplication;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code replay --target-db} into an empty database rebuilds every collection, document by document, and
 * {@code ingestion_runs} equal to what the live writer built; replaying into the live database changes nothing.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-replay.",
    "peakon.writer.group-id=it-replay",
    "peakon.writer.runs-recount-interval=500ms"
})
class ReplayIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-replay.");

    private static final String RUN_1 = "run-replay-1";
    private static final String RUN_2 = "run-replay-2";

    @Autowired
    MongoDatabase mongo;

    @Test
    void replayRebuildsAnEmptyDatabaseEqualToTheLiveOne() {
        publishTwoRuns();
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-replay"));
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            assertThat(WriterFixture.run(mongo, RUN_1).getString("landing_status"))
                    .isEqualTo("superseded");
            assertThat(WriterFixture.run(mongo, RUN_2).getString("landing_status"))
                    .isEqualTo("complete");
        });
        Map<String, Map<String, Document>> live = WriterFixture.everything(mongo);
        assertThat(live.get("answers_export")).hasSize(61);
        assertThat(live.get("answers_export").get("Long:3000000000")).isNotNull();
        assertThat(live.get("employees").get("Integer:3").getString("run_id")).isEqualTo(RUN_2);
        assertThat(live.get("scores_by_driver").values())
                .allSatisfy(d -> assertThat(d.getString("driver_id")).isEqualTo("autonomy"));

        String target = "it_replay_rebuild";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = WriterFixture.withStdout(
                out,
                () -> WriterApplication.run(
                        "replay",
                        "--target-db",
                        target,
                        "--spring.kafka.bootstrap-servers=" + fixture.bootstrap,
                        "--spring.mongodb.uri="
                                + IntegrationInfrastructure.shared().mongoUri(),
                        "--peakon.writer.topic-prefix=it-replay.",
                        "--peakon.writer.concurrency=2"));
        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("replay into database 'it_replay_rebuild' finished")
                .containsPattern("answers_export +61 documents")
                .containsPattern("ingestion_runs +2 documents");

        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            Map<String, Map<String, Document>> rebuilt = WriterFixture.everything(client.getDatabase(target));
            assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
            for (String collection : live.keySet()) {
                assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
            }
        }

        // The whole topics replayed into the live database: nothing changes.
        int again = WriterApplication.run(
                "replay",
                "--target-db",
                mongo.getName(),
                "--spring.kafka.bootstrap-servers=" + fixture.bootstrap,
                "--spring.mongodb.uri=" + IntegrationInfrastructure.shared().mongoUri(),
                "--peakon.writer.topic-prefix=it-replay.");
        assertThat(again).isZero();
        assertThat(WriterFixture.everything(mongo)).isEqualTo(live);
    }

    private static void publishTwoRuns() {
        Instant t1 = Instant.parse("2026-11-16T03:00:00Z");
        Instant t2 = Instant.parse("2026-11-23T03:00:00Z");
        List<RecordEnvelope> run1 = new ArrayList<>();
        for (long id = 1; id <= 50; id++) {
            run1.add(WriterFixture.answer(RUN_1, id, t1.plusMillis(id), "first " + id));
        }
        run1.add(WriterFixture.answer(RUN_1, 3_000_000_000L, t1, "a key beyond 32 bits"));
        for (long id = 1; id <= 5; id++) {
            run1.add(WriterFixture.envelope(
                    RUN_1,
                    PeakonCollection.EMPLOYEES,
                    DocumentKey.of(id),
                    t1,
                    null,
                    item("employees", Long.toString(id))));
        }
        for (String driver : List.of("autonomy", "growth")) {
            run1.add(WriterFixture.envelope(
                    RUN_1,
                    PeakonCollection.DRIVERS,
                    DocumentKey.of(driver),
                    t1,
                    null,
                    item("engagement_drivers", driver)));
        }
        run1.add(WriterFixture.envelope(
                RUN_1, PeakonCollection.DRIVERS_CATALOG, DocumentKey.of(1), t1, null, item("drivers_catalog", "1")));
        run1.add(WriterFixture.envelope(
                RUN_1,
                PeakonCollection.SCORES_CONTEXTS,
                DocumentKey.of("engagement::company_1::1700000000"),
                t1,
                null,
                item("category_scores", "c1")));
        run1.add(WriterFixture.envelope(
                RUN_1,
                PeakonCollection.SCORES_BY_DRIVER,
                DocumentKey.of("autonomy::company_1::1700000000"),
                t1,
                "autonomy",
                item("category_scores", "c1")));
        fixture.send(RunStarted.of(RUN_1, t1, SyncMode.FULL, List.of("answers_export", "employees")));
        fixture.send(run1);
        fixture.sendRaw(fixture.topics.dataTopic(PeakonCollection.DRIVERS), "\"broken\"", new byte[] {1, 2, 3});
        fixture.send(RunFinished.of(
                RUN_1,
                t1,
                t1.plusSeconds(60),
                SyncMode.FULL,
                RunStatus.PARTIAL,
                "growth: 422",
                Map.of(
                        "answers_export",
                        stats(51),
                        "employees",
                        stats(5),
                        "drivers",
                        stats(2),
                        "drivers_catalog",
                        stats(1),
                        "scores_contexts",
                        stats(1),
                        "scores_by_driver",
                        new CollectionStats(
                                CollectionStatus.SUCCESS,
                                1,
                                2,
                                List.of(new SkippedRequest("growth", 422, "not a group")),
                                null))));

        List<RecordEnvelope> run2 = new ArrayList<>();
        for (long id = 41; id <= 60; id++) {
            run2.add(WriterFixture.answer(RUN_2, id, t2.plusMillis(id), "second " + id));
        }
        for (long id = 1; id <= 5; id++) {
            run2.add(WriterFixture.envelope(
                    RUN_2,
                    PeakonCollection.EMPLOYEES,
                    DocumentKey.of(id),
                    t2,
                    null,
                    item("employees", Long.toString(id))));
        }
        // A late, older version of answer 45 (fetched in run 1) after the newer one: the newer stays.
        run2.add(WriterFixture.answer(RUN_1, 45, t1, "late old version"));
        fixture.send(RunStarted.of(RUN_2, t2, SyncMode.INCREMENTAL, List.of("answers_export", "employees")));
        fixture.send(run2);
        fixture.send(RunFinished.of(
                RUN_2,
                t2,
                t2.plusSeconds(30),
                SyncMode.INCREMENTAL,
                RunStatus.SUCCESS,
                null,
                Map.of("answers_export", stats(20), "employees", stats(5))));
    }

    private static CollectionStats stats(long published) {
        return new CollectionStats(CollectionStatus.SUCCESS, published, 1, List.of(), null);
    }

    private static ObjectNode item(String type, String id) {
        ObjectNode item = ContractJson.mapper().createObjectNode();
        item.put("id", id);
        item.put("type", type);
        item.putObject("attributes").put("name", "n-" + id).put("score", 7.25).putNull("gone");
        return item;
    }
}
