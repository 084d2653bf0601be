package org.peakoningest.writer.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
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
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.node.ObjectNode;

/** What the run events and the landed data make of {@code ingestion_runs}, through the running writer. */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-runs.",
    "peakon.writer.group-id=it-runs",
    "peakon.writer.runs-recount-interval=500ms"
})
@ExtendWith(OutputCaptureExtension.class)
class IngestionRunsIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-runs.");

    private static final String ABANDONED_ERROR =
            "abandoned: the fetcher stopped mid-run (no RunFinished before the crawl lock expired)";

    @Autowired
    MongoDatabase mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void anAbandonedRunKeepsTheCollectionsItFinishedAndIsJudgedOnThem() {
        // The dead fetcher finished answers_export (5) and was killed while publishing employees (2 sent, never
        // counted); another fetcher then ended the run with what ingestion_runs held.
        String run = "run-abandoned-1";
        Instant start = Timestamps.now().minusSeconds(600);
        CollectionStats answers = new CollectionStats(CollectionStatus.SUCCESS, 5, 1, List.of(), null, 5L);
        fixture.send(RunStarted.of(run, start, SyncMode.INCREMENTAL, List.of("answers_export", "employees")));
        List<RecordEnvelope> records = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            records.add(WriterFixture.answer(run, id, start.plusMillis(id), "comment " + id));
        }
        for (long id = 7001; id <= 7002; id++) {
            records.add(employee(run, id, start.plusSeconds(2)));
        }
        fixture.send(records);
        fixture.send(CollectionFinished.of(run, start.plusSeconds(1), "answers_export", answers));
        fixture.send(RunFinished.of(
                run,
                start,
                start.plusSeconds(300),
                SyncMode.INCREMENTAL,
                RunStatus.ABANDONED,
                ABANDONED_ERROR,
                Map.of("answers_export", answers)));

        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            Document doc = runDoc(run);
            assertThat(doc.getString("status")).isEqualTo("abandoned");
            assertThat(doc.getString("landing_status")).isEqualTo("complete");
            assertThat(collection(doc, "employees")).containsEntry("landed", 2L);
        });
        Document doc = runDoc(run);
        assertThat(doc)
                .containsEntry("started_at", Timestamps.format(start))
                .containsEntry("finished_at", Timestamps.format(start.plusSeconds(300)))
                .containsEntry("sync_mode", "incremental")
                .containsEntry("last_error", ABANDONED_ERROR);
        assertThat(collection(doc, "answers_export"))
                .containsEntry("status", "success")
                .containsEntry("published", 5L)
                .containsEntry("distinct_keys", 5L)
                .containsEntry("landed", 5L);
        assertThat(collection(doc, "employees"))
                .as("what the dead fetcher published of an unfinished collection lands, uncounted")
                .doesNotContainKey("published");
    }

    @Test
    void anAbandonedRunThatLandedNothingFromPeakonIsNothing() {
        // Killed before its first collection finished and before anything it sent arrived.
        String run = "run-abandoned-2";
        Instant start = Timestamps.now().minusSeconds(600);
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of("answers_export")));
        fixture.send(RunFinished.of(
                run, start, start.plusSeconds(300), SyncMode.FULL, RunStatus.ABANDONED, ABANDONED_ERROR, Map.of()));

        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(runDoc(run))
                        .containsEntry("status", "abandoned")
                        .containsEntry("landing_status", "nothing"));
    }

    @Test
    void dataOfARunWithoutRunEventsCreatesNoRunAndIsAttachedOnceItsEventsArrive() {
        String run = "run-events-later";
        Instant start = Timestamps.now().minusSeconds(60);
        List<RecordEnvelope> answers = new ArrayList<>();
        for (long id = 101; id <= 103; id++) {
            answers.add(WriterFixture.answer(run, id, start.plusMillis(id), "comment " + id));
        }
        fixture.send(answers);

        await().atMost(WriterFixture.patience())
                .until(() -> mongo.getCollection("answers_export").countDocuments(new Document("run_id", run)) == 3);
        // The recount runs 1 s after the writer went idle: it must not make a run of the counts alone. Browse lists
        // exactly the documents of ingestion_runs, so no document means no half-empty run there either.
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        mongo.getCollection(MongoCollections.INGESTION_RUNS).countDocuments(new Document("_id", run))
                                == 0);

        CollectionStats stats = new CollectionStats(CollectionStatus.SUCCESS, 3, 1, List.of(), null, 3L);
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of("answers_export")));
        fixture.send(CollectionFinished.of(run, start.plusSeconds(1), "answers_export", stats));
        fixture.send(RunFinished.of(
                run,
                start,
                start.plusSeconds(2),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("answers_export", stats)));

        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            Document doc = runDoc(run);
            assertThat(doc).containsEntry("status", "success").containsEntry("landing_status", "complete");
            assertThat(collection(doc, "answers_export"))
                    .containsEntry("published", 3L)
                    .containsEntry("landed", 3L);
            assertThat(doc.get("counts", Document.class)).containsEntry("answers_export", 3L);
        });
    }

    @Test
    void segmentsAndSegmentScoresLandWithExactCounts() {
        // issue #13: the two new collections are counted like the others; a segment score published twice in the
        // run (a page re-read) is one document.
        String run = "run-segments-1";
        Instant start = Timestamps.now().minusSeconds(60);
        CollectionStats segments = new CollectionStats(CollectionStatus.SUCCESS, 3, 1, List.of(), null, 3L);
        CollectionStats scores = new CollectionStats(CollectionStatus.SUCCESS, 5, 2, List.of(), null, 4L);
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of("segments", "segment_scores")));
        List<RecordEnvelope> records = new ArrayList<>();
        for (String id : List.of("17", "18", "21")) {
            ObjectNode item =
                    ContractJson.mapper().createObjectNode().put("id", id).put("type", "segments");
            records.add(WriterFixture.envelope(
                    run, PeakonCollection.SEGMENTS, DocumentKey.of(id), start.plusSeconds(1), null, item));
        }
        for (String key : List.of("17", "18", "21", "21b", "21b")) {
            ObjectNode item = ContractJson.mapper()
                    .createObjectNode()
                    .put("id", "engagement")
                    .put("type", "category_scores");
            records.add(WriterFixture.envelope(
                    run,
                    PeakonCollection.SEGMENT_SCORES,
                    DocumentKey.of("engagement::segment_" + key + "::engagement::1700000000"),
                    start.plusSeconds(2),
                    null,
                    item));
        }
        fixture.send(records);
        fixture.send(RunFinished.of(
                run,
                start,
                start.plusSeconds(30),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("segments", segments, "segment_scores", scores)));

        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            Document doc = runDoc(run);
            assertThat(doc.getString("landing_status")).isEqualTo("complete");
            assertThat(collection(doc, "segments"))
                    .containsEntry("published", 3L)
                    .containsEntry("landed", 3L);
            assertThat(collection(doc, "segment_scores"))
                    .containsEntry("published", 5L)
                    .containsEntry("landed", 4L);
        });
    }

    @Test
    void aRunThatCrawledFewerEmployeesThanPeakonCountedCarriesAWarning(CapturedOutput output) {
        // issue #14: Peakon counted 10 people at the start of the run, the crawl read every page and found 7.
        String run = "run-count-mismatch";
        Instant start = Timestamps.now().minusSeconds(60);
        CollectionStats employees =
                new CollectionStats(CollectionStatus.SUCCESS, 7, 1, List.of(), null, 7L).withSnapshot(true, 10L, null);
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of("employees")));
        List<RecordEnvelope> records = new ArrayList<>();
        for (long id = 8001; id <= 8007; id++) {
            records.add(employee(run, id, start.plusSeconds(1)));
        }
        fixture.send(records);
        fixture.send(CollectionFinished.of(run, start.plusSeconds(2), "employees", employees));
        fixture.send(RunFinished.of(
                run,
                start,
                start.plusSeconds(3),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("employees", employees)));
        // And a run whose count matches once the one erased person is added: no warning.
        String matching = "run-count-match";
        CollectionStats withErased =
                new CollectionStats(CollectionStatus.SUCCESS, 7, 1, List.of(), null, 7L).withSnapshot(true, 8L, 1L);
        fixture.send(RunFinished.of(
                matching,
                start,
                start.plusSeconds(3),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("employees", withErased)));

        String warning = "employees: Peakon counted 10, the run crawled 7";
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            Document doc = runDoc(run);
            assertThat(doc.getString("landing_status")).isEqualTo("complete");
            assertThat(doc.getList("warnings", String.class)).containsExactly(warning);
            assertThat(collection(doc, "employees"))
                    .containsEntry("complete_snapshot", true)
                    .containsEntry("expected", 10L)
                    .doesNotContainKey("erased");
            assertThat(collection(runDoc(matching), "employees"))
                    .containsEntry("expected", 8L)
                    .containsEntry("erased", 1L);
        });
        assertThat(runDoc(matching)).doesNotContainKey("warnings");
        assertThat(meters.find("peakon.writer.run.count.mismatch")
                        .tag("collection", "employees")
                        .counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
        // Logged once, although the run is recounted again and again (and named by id only: no person in it).
        await().pollDelay(Duration.ofSeconds(3))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(output.getAll()).containsOnlyOnce("run " + run + ": " + warning));
    }

    private static RecordEnvelope employee(String run, long id, Instant fetchedAt) {
        ObjectNode item = ContractJson.mapper().createObjectNode();
        item.put("id", Long.toString(id));
        item.put("type", "employees");
        return WriterFixture.envelope(run, PeakonCollection.EMPLOYEES, DocumentKey.of(id), fetchedAt, null, item);
    }

    private static Document collection(Document run, String name) {
        Document collections = run.get("collections", Document.class);
        Document stats = collections == null ? null : collections.get(name, Document.class);
        return stats == null ? new Document() : stats;
    }

    private Document runDoc(String run) {
        Document doc = mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .find(new Document("_id", run))
                .first();
        return doc == null ? new Document() : doc;
    }
}
