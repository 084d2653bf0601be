package org.peakoningest.writer.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.erasure.ErasureRecord;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasing a person after the last run (issue #14): the run whose documents of them were deleted keeps its landing
 * {@code complete} and keeps judging who left, because the erasure record on the erasures topic says which run's
 * documents it deleted ({@code erased_by_run}); a lift keeps that history; and a replay of the topics decides the same.
 * Without that record the run fell short of its {@code distinct_keys}: {@code pending} again, no judge of departures,
 * and a rebuild that left the people only it found gone unjudged.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-erasure-landing.",
    "peakon.writer.group-id=it-erasure-landing",
    "peakon.writer.runs-recount-interval=500ms"
})
class ErasureLandingIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-erasure-landing.");

    private static final String GROUP = "it-erasure-landing";
    private static final String EMPLOYEES = PeakonCollection.EMPLOYEES.collectionName();
    private static final Instant WEEK_1 = Instant.parse("2026-11-16T03:00:00Z");
    private static final Instant WEEK_2 = WEEK_1.plus(Duration.ofDays(7));
    private static final String RUN_1 = "run-erasure-landing-1";
    private static final String RUN_2 = "run-erasure-landing-2";
    private static final long ERASED = 3;
    /** HMAC-SHA256 of the id under some secret: the writer never sees the id, only this. */
    private static final String HASH = "5e0c1b7a9d3f2e4c6b8a0d1f3e5c7b9a2d4f6e8c0b1a3d5f7e9c2b4a6d8f0e13";

    @Autowired
    MongoDatabase mongo;

    @Test
    void erasingAPersonOfTheLastRunKeepsItsLandingAndItsJudgementLiveAndRebuilt() {
        completeRun(RUN_1, WEEK_1, ids(1, 5));
        completeRun(RUN_2, WEEK_2, ids(1, 4)); // person 5 left
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            assertThat(WriterFixture.run(mongo, RUN_2).getString("landing_status"))
                    .isEqualTo("complete");
            assertThat(statuses(mongo)).containsEntry(5L, "absent since " + Timestamps.format(WEEK_2));
        });
        Map<Long, String> before = statuses(mongo);

        // erase --employee 3: the erasure record (which run's documents it deletes), then the tombstone.
        Map<String, Map<String, Long>> byRun = Map.of(RUN_2, Map.of(EMPLOYEES, 1L));
        ErasureRecord erasure = new ErasureRecord(
                ErasureRecord.SCHEMA_VERSION,
                HASH,
                Timestamps.format(WEEK_2.plus(Duration.ofDays(1))),
                "privacy-team",
                "0123456789abcdef",
                Map.of(EMPLOYEES, 1L),
                byRun,
                null,
                null);
        fixture.sendRaw(fixture.topics.erasuresTopic(), ErasureRecord.key(HASH), erasure.toJson());
        fixture.sendRaw(
                fixture.topics.dataTopic(PeakonCollection.EMPLOYEES), RecordKeys.of(DocumentKey.of(ERASED)), null);
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));

        // Several recounts later: the person is gone, run 2 says what was erased and is still complete and a judge.
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> {
                    Document employees = WriterFixture.run(mongo, RUN_2)
                            .get("collections", Document.class)
                            .get(EMPLOYEES, Document.class);
                    assertThat(employees.get("landed")).isEqualTo(3L);
                    assertThat(employees.get("erased_after_landing")).isEqualTo(1L);
                });
        Map<Long, String> withoutThePerson = new TreeMap<>(before);
        withoutThePerson.remove(ERASED);
        assertThat(statuses(mongo)).isEqualTo(withoutThePerson);
        assertThat(WriterFixture.run(mongo, RUN_2).getString("landing_status")).isEqualTo("complete");
        // (Run 1's documents were all replaced by run 2's versions.)
        assertThat(WriterFixture.run(mongo, RUN_1).getString("landing_status")).isEqualTo("superseded");
        assertThat(WriterFixture.snapshot(mongo, MongoCollections.ERASURES).toString())
                .doesNotContain("Person " + ERASED);

        // Lifted (a record, not a tombstone): the history of what was erased stays, so does the landing.
        fixture.sendRaw(
                fixture.topics.erasuresTopic(),
                ErasureRecord.key(HASH),
                erasure.lifted(Timestamps.format(WEEK_2.plus(Duration.ofDays(2))), "privacy-team")
                        .toJson());
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(WriterFixture.snapshot(mongo, MongoCollections.ERASURES)
                                .get("String:" + HASH)
                                .get("lifted_at"))
                        .isNotNull());
        assertThat(WriterFixture.run(mongo, RUN_2).getString("landing_status")).isEqualTo("complete");
        assertThat(statuses(mongo)).isEqualTo(withoutThePerson);

        // A replay of the topics into an empty database decides every run and every person the same way.
        Map<String, Document> runs = WriterFixture.snapshot(mongo, MongoCollections.INGESTION_RUNS);
        String target = "it_erasure_landing_rebuild";
        assertThat(fixture.replay(target).status()).isZero();
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            MongoDatabase rebuilt = client.getDatabase(target);
            assertThat(statuses(rebuilt)).isEqualTo(withoutThePerson);
            assertThat(landing(WriterFixture.snapshot(rebuilt, MongoCollections.INGESTION_RUNS)))
                    .isEqualTo(landing(runs))
                    .containsEntry(RUN_2, "complete 3 landed, 1 erased after landing");
            assertThat(WriterFixture.snapshot(rebuilt, MongoCollections.ERASURES))
                    .isEqualTo(WriterFixture.snapshot(mongo, MongoCollections.ERASURES));
        }
    }

    /** Per run: its landing status and what its employees' counts say. */
    private static Map<String, String> landing(Map<String, Document> runs) {
        Map<String, String> out = new TreeMap<>();
        runs.forEach((id, run) -> {
            Document employees = run.get("collections", Document.class).get(EMPLOYEES, Document.class);
            Object erased = employees.get("erased_after_landing");
            out.put(
                    String.valueOf(run.get("_id")),
                    run.getString("landing_status") + " " + employees.get("landed") + " landed"
                            + (erased == null ? "" : ", " + erased + " erased after landing"));
        });
        return out;
    }

    private static void completeRun(String run, Instant start, List<Long> people) {
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of(EMPLOYEES)));
        fixture.send(WriterFixture.employees(run, start, people));
        CollectionStats stats = new CollectionStats(
                        CollectionStatus.SUCCESS, people.size(), 1, List.of(), null, (long) people.size())
                .withSnapshot(true, (long) people.size(), null);
        fixture.send(CollectionFinished.of(run, start.plusSeconds(5), EMPLOYEES, stats));
        fixture.send(RunFinished.of(
                run, start, start.plusSeconds(9), SyncMode.FULL, RunStatus.SUCCESS, null, Map.of(EMPLOYEES, stats)));
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** Every employee's status as a user reads it off the document. */
    private static Map<Long, String> statuses(MongoDatabase db) {
        Map<Long, String> out = new TreeMap<>();
        for (Document person : db.getCollection(EMPLOYEES).find()) {
            Object present = person.get("present");
            String status = Boolean.TRUE.equals(present)
                    ? "present"
                    : Boolean.FALSE.equals(present) ? "absent since " + person.getString("absent_since") : "unjudged";
            out.put(((Number) person.get("_id")).longValue(), status);
        }
        return out;
    }
}
