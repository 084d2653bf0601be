package org.peakoningest.writer.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
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
import org.peakoningest.writer.consume.WriterListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Departures (issue #14) through the running writer, as four weekly runs of one company: who is marked as having
 * left ({@code present: false}, {@code absent_since}), who is present, and that redelivery and a replay of the topics
 * into a fresh database give everyone the same status. The methods are the story's steps, in order: each one starts
 * from the database the previous one left (a complete snapshot judges the whole {@code employees} collection, so the
 * steps cannot have a database each).
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-departures.",
    "peakon.writer.group-id=it-departures",
    "peakon.writer.runs-recount-interval=500ms"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeparturesIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-departures.");

    private static final String GROUP = "it-departures";
    private static final String EMPLOYEES = PeakonCollection.EMPLOYEES.collectionName();

    private static final Instant WEEK_1 =
            Timestamps.now().minus(Duration.ofDays(28)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant WEEK_2 = WEEK_1.plus(Duration.ofDays(7));
    private static final Instant WEEK_3 = WEEK_2.plus(Duration.ofDays(7));
    private static final Instant WEEK_4 = WEEK_3.plus(Duration.ofDays(7));
    private static final String RUN_1 = "run-departures-1";
    private static final String RUN_2 = "run-departures-2";
    private static final String RUN_3 = "run-departures-3";
    private static final String RUN_4 = "run-departures-4";

    @Autowired
    MongoDatabase mongo;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    @Order(1)
    void aSecondCompleteCrawlMarksExactlyTheThreeMissingPeopleAsLeft() {
        completeRun(RUN_1, WEEK_1, ids(1, 10));
        // The statuses are written first, then the run's departures, in the same recount.
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            assertThat(statuses()).isEqualTo(expected(ids(1, 10), Map.of()));
            assertThat(departures(RUN_1)).containsEntry("absent", 0L).containsEntry("present", 10L);
        });

        // Run 2's events arrive before its records (they are on another partition, and behind): nobody may be
        // marked as having left before every employee record of the run has landed.
        List<Long> stayed = ids(1, 7);
        sendCompleteRunEvents(RUN_2, WEEK_2, stayed.size());
        await().pollDelay(Duration.ofSeconds(3))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(WriterFixture.run(mongo, RUN_2))
                        .containsEntry("status", "success")
                        .doesNotContainKey("departures"));
        assertThat(statuses()).isEqualTo(expected(ids(1, 10), Map.of()));

        fixture.send(WriterFixture.employees(RUN_2, WEEK_2, stayed));
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            assertThat(statuses()).isEqualTo(expected(stayed, Map.of(8L, WEEK_2, 9L, WEEK_2, 10L, WEEK_2)));
            assertThat(departures(RUN_2)).containsEntry("absent", 3L).containsEntry("present", 7L);
        });
        assertThat(departures(RUN_2).getString("applied_at")).isNotBlank();
    }

    @Test
    @Order(2)
    void aPersonWhoComesBackIsPresentAgainAndTheOthersKeepTheDateTheyLeft() {
        List<Long> seen = new ArrayList<>(ids(1, 7));
        seen.add(9L);
        completeRun(RUN_3, WEEK_3, seen);

        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(statuses()).isEqualTo(expected(seen, Map.of(8L, WEEK_2, 10L, WEEK_2))));
        Document returned = employee(9);
        assertThat(returned).containsEntry("present", true).doesNotContainKey("absent_since");
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            assertThat(departures(RUN_3)).containsEntry("absent", 0L).containsEntry("present", 8L);
            // Still gone of those run 2 found gone: 8 and 10; run 3's versions replaced every one of run 2's.
            assertThat(departures(RUN_2)).containsEntry("absent", 2L).containsEntry("present", 0L);
        });
    }

    @Test
    @Order(3)
    void aFailedEmployeesCrawlMarksNobody() {
        Map<Long, String> before = statuses();
        // Run 4's employees crawl failed after one page of two people: not a snapshot of anybody else.
        CollectionStats failed = new CollectionStats(
                CollectionStatus.FAILED, 2, 1, List.of(), "GET /employees: 503 after 6 attempts", 2L);
        fixture.send(RunStarted.of(RUN_4, WEEK_4, SyncMode.FULL, List.of(EMPLOYEES)));
        fixture.send(WriterFixture.employees(RUN_4, WEEK_4, List.of(1L, 2L)));
        fixture.send(CollectionFinished.of(RUN_4, WEEK_4.plusSeconds(5), EMPLOYEES, failed));
        fixture.send(RunFinished.of(
                RUN_4,
                WEEK_4,
                WEEK_4.plusSeconds(9),
                SyncMode.FULL,
                RunStatus.FAILED,
                "GET /employees: 503 after 6 attempts",
                Map.of(EMPLOYEES, failed)));

        await().atMost(WriterFixture.patience())
                .untilAsserted(
                        () -> assertThat(WriterFixture.run(mongo, RUN_4)).containsEntry("landing_status", "complete"));
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> {
                    Map<Long, String> after = statuses();
                    // The two people run 4 saw carry its version now, which no complete snapshot has judged: they
                    // count as present (no "present: false"); everybody else keeps the status they had.
                    assertThat(after).containsEntry(1L, "unjudged").containsEntry(2L, "unjudged");
                    after.remove(1L);
                    after.remove(2L);
                    Map<Long, String> others = new TreeMap<>(before);
                    others.remove(1L);
                    others.remove(2L);
                    assertThat(after).isEqualTo(others);
                });
        assertThat(WriterFixture.run(mongo, RUN_4)).doesNotContainKey("departures");
    }

    @Test
    @Order(4)
    void everyRecordAndRunEventDeliveredAgainChangesNobody() {
        Map<String, Document> people = WriterFixture.snapshot(mongo, EMPLOYEES);
        Map<String, Document> runs = WriterFixture.snapshot(mongo, MongoCollections.INGESTION_RUNS);

        MessageListenerContainer container = registry.getListenerContainer(WriterListener.ID);
        container.stop();
        fixture.rewind(GROUP);
        container.start();

        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp(GROUP));
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(WriterFixture.patience())
                .untilAsserted(() -> {
                    assertThat(WriterFixture.snapshot(mongo, EMPLOYEES)).isEqualTo(people);
                    assertThat(WriterFixture.snapshot(mongo, MongoCollections.INGESTION_RUNS))
                            .isEqualTo(runs);
                });
    }

    @Test
    @Order(5)
    void aReplayIntoAFreshDatabaseGivesEveryoneTheStatusTheLiveDatabaseHas() {
        Map<String, Document> people = WriterFixture.snapshot(mongo, EMPLOYEES);
        Map<String, Document> runs = withoutApplyTimes(WriterFixture.snapshot(mongo, MongoCollections.INGESTION_RUNS));

        String target = "it_departures_rebuild";
        assertThat(fixture.replay(target).status()).isZero();
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            MongoDatabase rebuilt = client.getDatabase(target);
            assertThat(statuses(rebuilt)).isEqualTo(statuses(mongo));
            assertThat(WriterFixture.snapshot(rebuilt, EMPLOYEES)).isEqualTo(people);
            assertThat(withoutApplyTimes(WriterFixture.snapshot(rebuilt, MongoCollections.INGESTION_RUNS)))
                    .isEqualTo(runs);
        }

        // A second writer on the live database (the replay command into it, next to the running writer): the
        // passes run there too, and change nothing.
        assertThat(fixture.replay(mongo.getName()).status()).isZero();
        assertThat(WriterFixture.snapshot(mongo, EMPLOYEES)).isEqualTo(people);
    }

    private static void completeRun(String run, Instant start, List<Long> people) {
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of(EMPLOYEES)));
        fixture.send(WriterFixture.employees(run, start, people));
        CollectionStats stats = snapshot(people.size());
        fixture.send(CollectionFinished.of(run, start.plusSeconds(5), EMPLOYEES, stats));
        fixture.send(RunFinished.of(
                run, start, start.plusSeconds(9), SyncMode.FULL, RunStatus.SUCCESS, null, Map.of(EMPLOYEES, stats)));
    }

    private static void sendCompleteRunEvents(String run, Instant start, int people) {
        CollectionStats stats = snapshot(people);
        fixture.send(RunStarted.of(run, start, SyncMode.FULL, List.of(EMPLOYEES)));
        fixture.send(CollectionFinished.of(run, start.plusSeconds(5), EMPLOYEES, stats));
        fixture.send(RunFinished.of(
                run, start, start.plusSeconds(9), SyncMode.FULL, RunStatus.SUCCESS, null, Map.of(EMPLOYEES, stats)));
    }

    /** What the fetcher reports for an employees crawl that read every page and had every record acknowledged. */
    private static CollectionStats snapshot(int people) {
        return new CollectionStats(CollectionStatus.SUCCESS, people, 1, List.of(), null, (long) people)
                .withSnapshot(true, (long) people, null);
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** {@code present} for the people present, {@code absent since <time>} for those who left. */
    private static Map<Long, String> expected(List<Long> present, Map<Long, Instant> left) {
        Map<Long, String> out = new TreeMap<>();
        present.forEach(id -> out.put(id, "present"));
        left.forEach((id, since) -> out.put(id, "absent since " + Timestamps.format(since)));
        return out;
    }

    private Map<Long, String> statuses() {
        return statuses(mongo);
    }

    /** Every employee's status as a user reads it off the document. */
    private static Map<Long, String> statuses(MongoDatabase db) {
        Map<Long, String> out = new TreeMap<>();
        for (Document person : db.getCollection(EMPLOYEES).find()) {
            Object present = person.get("present");
            String status;
            if (Boolean.TRUE.equals(present)) {
                status = person.containsKey("absent_since") ? "present with an absent_since" : "present";
            } else if (Boolean.FALSE.equals(present)) {
                status = "absent since " + person.getString("absent_since");
            } else {
                status = person.containsKey("absent_since") ? "unjudged with an absent_since" : "unjudged";
            }
            out.put(((Number) person.get("_id")).longValue(), status);
        }
        return out;
    }

    private Document employee(long id) {
        return mongo.getCollection(EMPLOYEES)
                .find(new Document("_id", (int) id))
                .first();
    }

    private Document departures(String run) {
        Document departures = WriterFixture.run(mongo, run).get("departures", Document.class);
        return departures == null ? new Document() : departures;
    }

    /** The run documents without {@code departures.applied_at}, the one write time in them. */
    private static Map<String, Document> withoutApplyTimes(Map<String, Document> runs) {
        Map<String, Document> out = new TreeMap<>();
        runs.forEach((id, run) -> {
            Document copy = new Document(run);
            if (run.get("departures") instanceof Document departures) {
                Document counts = new Document(departures);
                counts.remove("applied_at");
                copy.put("departures", counts);
            }
            out.put(id, copy);
        });
        return out;
    }
}
