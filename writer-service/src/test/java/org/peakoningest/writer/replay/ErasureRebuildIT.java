package org.peakoningest.writer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The writer's side of an erasure (issue #14): the fetcher's {@code erase} publishes a tombstone (null value, the
 * record key of the document, on its partition) for the employee document and every answer of the person. The live
 * writer deletes those documents and dead-letters nothing; the next run, which skips the person and reports them as
 * {@code erased}, lands complete; and a replay of the topics into an empty database holds nothing of the person and
 * equals the live database.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-erasure.",
    "peakon.writer.group-id=it-erasure",
    "peakon.writer.runs-recount-interval=500ms"
})
class ErasureRebuildIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-erasure.");

    private static final String RUN_1 = "run-erasure-1";
    private static final String RUN_2 = "run-erasure-2";
    private static final Instant FETCHED_1 = Instant.parse("2026-11-23T03:00:00Z");
    private static final Instant FETCHED_2 = Instant.parse("2026-11-30T03:00:00Z");
    private static final int ERASED = 7002;

    @Autowired
    MongoDatabase mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void tombstonesOfAnErasureDeleteThePersonLiveAndARebuildDoesNotBringThemBack() throws Exception {
        // Run 1: three people, nine answers (7001: 3, 6, 9; 7002: 1, 4, 7; 7003: 2, 5, 8).
        fixture.send(RunStarted.of(RUN_1, FETCHED_1, SyncMode.FULL, List.of("employees", "answers_export")));
        fixture.send(people(RUN_1, FETCHED_1, List.of(7001, 7002, 7003), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        fixture.send(finished(RUN_1, FETCHED_1, 3, 9, null, null));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-erasure"));
        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(WriterFixture.run(mongo, RUN_1).getString("landing_status"))
                        .isEqualTo("complete"));
        assertThat(WriterFixture.snapshot(mongo, "employees")).containsKey("Integer:" + ERASED);

        // erase --employee 7002: tombstones under the very record keys the fetcher wrote.
        String employees = fixture.topics.dataTopic(PeakonCollection.EMPLOYEES);
        String answers = fixture.topics.dataTopic(PeakonCollection.ANSWERS_EXPORT);
        fixture.sendRaw(employees, RecordKeys.of(DocumentKey.of(ERASED)), null);
        for (long answer : List.of(1L, 4L, 7L)) {
            fixture.sendRaw(answers, RecordKeys.of(DocumentKey.of(answer)), null);
        }
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-erasure"));
        // Deleted at once; run 1's landed counts drop by exactly what was erased.
        await().atMost(WriterFixture.patience()).untilAsserted(() -> {
            Document run1 = WriterFixture.run(mongo, RUN_1).get("collections", Document.class);
            assertThat(run1.get("employees", Document.class).get("landed")).isEqualTo(2L);
            assertThat(run1.get("answers_export", Document.class).get("landed")).isEqualTo(6L);
        });
        assertNothingOfThePerson(WriterFixture.everything(mongo));
        // Run 2, the next crawl: the person is skipped and reported as erased.
        fixture.send(RunStarted.of(RUN_2, FETCHED_2, SyncMode.FULL, List.of("employees", "answers_export")));
        fixture.send(people(RUN_2, FETCHED_2, List.of(7001, 7003), List.of(2, 3, 5, 6, 8, 9)));
        fixture.send(finished(RUN_2, FETCHED_2, 2, 6, 1L, 3L));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-erasure"));
        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(WriterFixture.run(mongo, RUN_2).getString("landing_status"))
                        .isEqualTo("complete"));

        Map<String, Map<String, Document>> live = WriterFixture.everything(mongo);
        assertNothingOfThePerson(live);
        assertThat(live.get("employees").keySet()).containsExactlyInAnyOrder("Integer:7001", "Integer:7003");
        assertThat(live.get("answers_export")).hasSize(6);
        assertThat(meters.get("peakon.writer.records")
                        .tag("collection", "employees")
                        .tag("outcome", "deleted")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("peakon.writer.records")
                        .tag("collection", "answers_export")
                        .tag("outcome", "deleted")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(deadLettered(employees, answers))
                .as("records on the dead-letter topics")
                .isZero();
        Document run2 = WriterFixture.run(mongo, RUN_2).get("collections", Document.class);
        assertThat(run2.get("employees", Document.class).get("erased")).isEqualTo(1L);
        assertThat(run2.get("employees", Document.class).get("landed")).isEqualTo(2L);
        assertThat(run2.get("answers_export", Document.class).get("erased")).isEqualTo(3L);
        assertThat(run2.get("answers_export", Document.class).get("landed")).isEqualTo(6L);

        WriterFixture.ReplayOutcome replay = fixture.replay("it_erasure_rebuild");
        assertThat(replay.status()).isZero();
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            Map<String, Map<String, Document>> rebuilt =
                    WriterFixture.everything(client.getDatabase("it_erasure_rebuild"));
            assertNothingOfThePerson(rebuilt);
            for (String collection : live.keySet()) {
                assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
            }
        }
    }

    /** Records ever written to the dead-letter topics of these topics (their end offsets). */
    private static long deadLettered(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            List<String> deadLetterTopics =
                    Arrays.stream(topics).map(fixture.topics::deadLetterTopic).toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(deadLetterTopics)
                    .allTopicNames()
                    .get()
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(p ->
                                    request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        }
    }

    private static void assertNothingOfThePerson(Map<String, Map<String, Document>> database) {
        assertThat(database.get("employees")).doesNotContainKey("Integer:" + ERASED);
        assertThat(database.get("answers_export").values())
                .noneMatch(answer -> String.valueOf(ERASED)
                        .equals(answer.get("attributes", Document.class).getString("employeeId")));
        assertThat(database.toString()).doesNotContain("person" + ERASED, "Employee " + ERASED);
    }

    /** Employee documents and answers as the fetcher publishes them; answer n belongs to 7001 + n % 3. */
    private static List<RecordEnvelope> people(
            String runId, Instant fetched, List<Integer> ids, List<Integer> answers) {
        List<RecordEnvelope> envelopes = new ArrayList<>();
        for (int id : ids) {
            ObjectNode item = ContractJson.mapper().createObjectNode();
            item.put("id", String.valueOf(id)).put("type", "employees");
            item.putObject("attributes").put("name", "Employee " + id).put("Department", "R&D");
            envelopes.add(
                    WriterFixture.envelope(runId, PeakonCollection.EMPLOYEES, DocumentKey.of(id), fetched, null, item));
        }
        for (int answer : answers) {
            int person = 7001 + answer % 3;
            ObjectNode item = WriterFixture.answerItem(answer, "private comment of " + person);
            ((ObjectNode) item.get("attributes"))
                    .put("employeeId", String.valueOf(person))
                    .put("accountEmail", "person" + person + "@example.com");
            envelopes.add(WriterFixture.envelope(
                    runId, PeakonCollection.ANSWERS_EXPORT, DocumentKey.of(answer), fetched, null, item));
        }
        return envelopes;
    }

    private static RunFinished finished(
            String runId, Instant fetched, long employees, long answers, Long erasedEmployees, Long erasedAnswers) {
        CollectionStats employeeStats = new CollectionStats(
                CollectionStatus.SUCCESS, employees, 1, List.of(), null, employees, null, null, erasedEmployees);
        CollectionStats answerStats = new CollectionStats(
                CollectionStatus.SUCCESS, answers, 1, List.of(), null, answers, null, null, erasedAnswers);
        return RunFinished.of(
                runId,
                fetched,
                fetched.plusSeconds(60),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("employees", employeeStats, "answers_export", answerStats));
    }
}
