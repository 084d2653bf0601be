package org.peakoningest.writer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.kafka.ContractSerializer;
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
 * The README's promise "the topics can always rebuild the database" under compaction (issue #12, point 2): a record
 * that becomes the last of its key without being stored — unreadable bytes, a record the writer refuses (a
 * {@code fetched_at} from the future), an older version published after a newer one — or a tombstone would make
 * compaction drop the stored version's record. After the broker really compacted the topic (its segment and
 * cleaning settings shortened here), {@code replay} into an empty database equals the live database document for
 * document, and the run's landed counts and landing status are equal.
 */
@WriterIntegrationTest({
    "peakon.writer.topic-prefix=it-compact.",
    "peakon.writer.group-id=it-compact",
    "peakon.writer.runs-recount-interval=500ms"
})
class CompactedRebuildIT {

    @RegisterExtension
    static final WriterFixture fixture = new WriterFixture("it-compact.");

    private static final String RUN = "run-compact-1";
    private static final Instant FETCHED = Instant.parse("2026-11-23T03:00:00Z");

    @Autowired
    MongoDatabase mongo;

    @Test
    void aRebuildAfterCompactionEqualsTheLiveDatabase() throws Exception {
        String topic = fixture.topics.dataTopic(PeakonCollection.ANSWERS_EXPORT);
        compactQuickly(topic);

        List<RecordEnvelope> answers = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            answers.add(WriterFixture.answer(RUN, id, FETCHED, "valid " + id));
        }
        fixture.send(RunStarted.of(RUN, FETCHED, SyncMode.FULL, List.of("answers_export")));
        fixture.send(answers);
        fixture.send(RunFinished.of(
                RUN,
                FETCHED,
                FETCHED.plusSeconds(60),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                Map.of("answers_export", new CollectionStats(CollectionStatus.SUCCESS, 20, 1, List.of(), null, 20L))));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-compact"));

        // The last records of four keys: none of them is a version the writer stores.
        fixture.sendRaw(topic, "5", "{\"schema_version\":1,\"run_id\":".getBytes(StandardCharsets.UTF_8));
        fixture.send(
                WriterFixture.answer("run-from-the-future", 6, Instant.now().plus(Duration.ofDays(30)), "x"));
        fixture.sendRaw(topic, "7", null);
        fixture.send(WriterFixture.answer("run-older", 8, FETCHED.minusSeconds(3600), "older version, sent later"));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-compact"));
        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(WriterFixture.run(mongo, RUN).getString("landing_status"))
                        .isEqualTo("pending")); // answer 7 was deleted by its tombstone

        Map<String, Document> liveAnswers = WriterFixture.snapshot(mongo, "answers_export");
        assertThat(liveAnswers).doesNotContainKey("Integer:7").containsKeys("Integer:5", "Integer:6", "Integer:8");
        for (int id : List.of(5, 6, 8)) {
            Document answer = liveAnswers.get("Integer:" + id);
            assertThat(answer.getString("run_id")).isEqualTo(RUN);
            assertThat(answer.get("attributes", Document.class).getString("answerComment"))
                    .isEqualTo("valid " + id);
        }

        rollAndAwaitCompaction(topic, List.of("5", "6", "7", "8"));
        await().atMost(WriterFixture.patience()).until(() -> fixture.caughtUp("it-compact"));
        await().atMost(WriterFixture.patience())
                .untilAsserted(() -> assertThat(WriterFixture.run(mongo, RUN)
                                .get("collections", Document.class)
                                .get("answers_export", Document.class)
                                .get("landed"))
                        .isEqualTo(19L));
        Map<String, Map<String, Document>> live = WriterFixture.everything(mongo);

        WriterFixture.ReplayOutcome replay = fixture.replay("it_compact_rebuild");
        assertThat(replay.status()).isZero();
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            Map<String, Map<String, Document>> rebuilt =
                    WriterFixture.everything(client.getDatabase("it_compact_rebuild"));
            for (String collection : live.keySet()) {
                assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
            }
            Document rebuiltRun = rebuilt.get(MongoCollections.INGESTION_RUNS).get("String:" + RUN);
            assertThat(rebuiltRun.get("counts"))
                    .isEqualTo(live.get(MongoCollections.INGESTION_RUNS)
                            .get("String:" + RUN)
                            .get("counts"));
            assertThat(rebuiltRun.getString("landing_status")).isEqualTo("pending");
        }
    }

    /** Topic settings under which the broker compacts within seconds (the cleaner still needs closed segments). */
    private static void compactQuickly(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            Collection<AlterConfigOp> ops = List.of(
                    set("cleanup.policy", "compact"),
                    set("segment.ms", "100"),
                    set("min.cleanable.dirty.ratio", "0.001"),
                    set("min.compaction.lag.ms", "0"),
                    set("delete.retention.ms", "86400000"));
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops))
                    .all()
                    .get();
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /**
     * Closes the active segment of every partition (a record after {@code segment.ms}: a valid answer of its own key)
     * and waits until the cleaner kept at most one record of each of {@code keys}.
     */
    private static void rollAndAwaitCompaction(String topic, List<String> keys) throws Exception {
        Thread.sleep(200);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap);
        try (KafkaProducer<String, RecordEnvelope> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ContractSerializer<>())) {
            for (int partition = 0; partition < 3; partition++) {
                long id = 1000 + partition;
                producer.send(new ProducerRecord<>(
                                topic,
                                partition,
                                Long.toString(id),
                                WriterFixture.answer("run-roll", id, FETCHED, "roll")))
                        .get();
            }
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Map<String, Long> perKey = readAll(topic).stream()
                            .filter(r -> keys.contains(r.key()))
                            .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                    assertThat(perKey.values())
                            .as("records per key on the compacted topic: " + perKey)
                            .allMatch(n -> n <= 1);
                });
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }
}
