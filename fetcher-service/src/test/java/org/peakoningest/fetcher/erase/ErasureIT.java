package org.peakoningest.fetcher.erase;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.CrawlFixture;
import org.peakoningest.fetcher.FetcherApplication;
import org.peakoningest.fetcher.PeakonStub;
import org.peakoningest.fetcher.TopicReader;
import org.peakoningest.fetcher.run.RunReport;
import org.peakoningest.testsupport.CommandOutput;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code erase} against the real broker after a real crawl of a simulated Peakon (issue #14): tombstones are the
 * latest value of every key of the person, the erasure record names nobody in clear, a dry run publishes nothing, the
 * next crawl skips the person (and says how many items it skipped), a lifted erasure lets them back, and once each
 * partition received a later record the broker's cleaner removes the person's old values from the log.
 *
 * <p>The answers of the simulated company belong to three people: 7001 (answers 102, 105, 108), 7002 (103, 106, 109)
 * and 7003 (101, 104, 107). The topics of this class are declared with a compaction lag of 2 s, so the broker compacts
 * within the test.
 */
@TestPropertySource(
        properties = {
            "peakon.fetcher.topic-prefix=" + ErasureIT.PREFIX,
            "peakon.fetcher.topic-partitions=3",
            "peakon.fetcher.erasure.secret=" + ErasureIT.SECRET,
            "peakon.fetcher.erasure.max-compaction-lag=" + ErasureIT.LAG
        })
class ErasureIT extends CrawlFixture {

    static final String PREFIX = "it-erase.";
    static final String SECRET = "it-erasure-secret-0123456789abcdef-0123";
    static final String LAG = "2s";
    private static final String DB = "it_erase_cli";

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void answersOfThreePeople() {
        ArrayNode items = ContractJson.mapper().createArrayNode();
        for (int id = 101; id <= 109; id++) {
            int person = 7001 + id % 3;
            ObjectNode answer = PeakonStub.answer(id, "private comment " + id);
            ObjectNode attributes = (ObjectNode) answer.get("attributes");
            // Peakon writes the id as a string; one answer has it as a number, which names the same person.
            if (id == 103) {
                attributes.put("employeeId", person);
            } else {
                attributes.put("employeeId", String.valueOf(person));
            }
            attributes.put("accountEmail", "person" + person + "@example.com");
            items.add(answer);
        }
        peakon.stubFor(PeakonStub.answersPage(absent())
                .atPriority(1)
                .willReturn(PeakonStub.json(PeakonStub.page(items.toString(), "\"links\":{\"next\":null}", false))));
    }

    @Test
    void eraseTombstonesThePersonTheNextCrawlSkipsThemCompactionRemovesThemAndLiftLetsThemBack() throws Exception {
        RunReport first = ingestion.execute(SyncMode.FULL, false);
        assertThat(first.status()).isEqualTo(RunStatus.SUCCESS);

        CommandOutput erased = erase("--employee", "7002", "--by", "privacy-team");

        assertThat(erased.status()).as(erased.err()).isZero();
        assertThat(erased.out())
                .contains("erased employee " + hash("7002").substring(0, 12))
                .doesNotContain("Employee 7002", "person7002@example.com", "private comment");
        // The latest value of every key of the person is a tombstone, on the partition of the key's records.
        Map<String, List<ConsumerRecord<String, byte[]>>> employees = byKey(PeakonCollection.EMPLOYEES);
        Map<String, List<ConsumerRecord<String, byte[]>>> answers = byKey(PeakonCollection.ANSWERS_EXPORT);
        assertThat(latestIsTombstone(employees)).containsExactly("7002");
        assertThat(latestIsTombstone(answers)).containsExactlyInAnyOrder("103", "106", "109");
        for (String key : List.of("103", "106", "109")) {
            assertThat(answers.get(key).stream().map(ConsumerRecord::partition).distinct())
                    .as("records of key %s", key)
                    .hasSize(1);
        }
        assertThat(employees.get("7002").stream().map(ConsumerRecord::partition).distinct())
                .hasSize(1);

        // The erasure record: keyed by the HMAC of the id, the counts, who and when; no id, name or email in clear.
        List<ConsumerRecord<String, byte[]>> register = erasures();
        assertThat(register).hasSize(1);
        ConsumerRecord<String, byte[]> erasure = register.get(0);
        assertThat(erasure.key()).isEqualTo("\"" + hash("7002") + "\"");
        JsonNode value = ContractJson.mapper().readTree(erasure.value());
        assertThat(value.path("schema_version").asInt()).isEqualTo(2);
        assertThat(value.path("employee_hash").asString()).isEqualTo(hash("7002"));
        assertThat(value.path("erased_by").asString()).isEqualTo("privacy-team");
        assertThat(Timestamps.parse(value.path("erased_at").asString())).isBefore(Instant.now());
        assertThat(value.path("tombstones").path("employees").asLong()).isEqualTo(1);
        assertThat(value.path("tombstones").path("answers_export").asLong()).isEqualTo(3);
        assertThat(value.path("secret_id").asString()).hasSize(16);
        // Which run's documents were deleted: the writer counts them as landed for that run (its landing holds).
        assertThat(value.path("erased_by_run").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly(first.runId());
        assertThat(value.path("erased_by_run")
                        .path(first.runId())
                        .path("employees")
                        .asLong())
                .isEqualTo(1);
        assertThat(value.path("erased_by_run")
                        .path(first.runId())
                        .path("answers_export")
                        .asLong())
                .isEqualTo(3);
        assertThat(value.has("lifted_at")).isFalse();
        assertThat(new String(erasure.value(), StandardCharsets.UTF_8))
                .doesNotContain("7002", "Employee", "example.com", SECRET);

        // The next crawl (Peakon still serves the person) publishes none of their items and says so.
        double erasedAnswersBefore = erasedItems("answers_export");
        RunReport second = ingestion.execute(SyncMode.FULL, false);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
        Map<PeakonCollection, List<RecordEnvelope>> published = envelopesOfRun(second.runId());
        assertThat(keys(published, PeakonCollection.EMPLOYEES)).containsExactlyInAnyOrder(7001L, 7003L);
        assertThat(keys(published, PeakonCollection.ANSWERS_EXPORT))
                .containsExactlyInAnyOrder(101L, 102L, 104L, 105L, 107L, 108L);
        CollectionStats employeeStats = finished(second.runId(), PeakonCollection.EMPLOYEES);
        assertThat(employeeStats.published()).isEqualTo(2);
        assertThat(employeeStats.erased()).isEqualTo(1);
        CollectionStats answerStats = finished(second.runId(), PeakonCollection.ANSWERS_EXPORT);
        assertThat(answerStats.published()).isEqualTo(6);
        assertThat(answerStats.erased()).isEqualTo(3);
        assertThat(erasedItems("answers_export") - erasedAnswersBefore)
                .as("peakon.fetcher.items.erased{collection=answers_export}")
                .isEqualTo(3.0);
        assertThat(finished(second.runId(), PeakonCollection.DRIVERS).erased()).isNull();
        assertThat(latestIsTombstone(byKey(PeakonCollection.EMPLOYEES))).containsExactly("7002");
        assertThat(latestIsTombstone(byKey(PeakonCollection.ANSWERS_EXPORT)))
                .containsExactlyInAnyOrder("103", "106", "109");

        // A fetcher under another secret cannot recognise the person: it publishes neither answers nor employees.
        CommandOutput otherSecret = ingest("--peakon.fetcher.erasure.secret=another-secret-0123456789abcdef-0123");
        assertThat(otherSecret.status()).isEqualTo(1);
        assertThat(otherSecret.out())
                .containsPattern("answers_export\\s+failed\\s+0")
                .containsPattern("employees\\s+failed\\s+0")
                .contains("PEAKON_ERASURE_SECRET is not the secret 1 of the 1 erasures");

        // Once every partition received a record later than the compaction lag, the cleaner removes the old values.
        Thread.sleep(Duration.parse("PT" + LAG).toMillis() + 500);
        appendToEveryPartition(PeakonCollection.EMPLOYEES, PeakonCollection.ANSWERS_EXPORT);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(valuesNaming("7002"))
                        .as("records on the log whose value is the erased person's")
                        .isEmpty());
        // ... which is what an operator checks with a dry run: nothing left to tombstone, nothing left on the log.
        CommandOutput check = erase("--dry-run", "--employee", "7002");
        assertThat(check.out())
                .contains("erased before")
                .containsPattern(PREFIX + "employees\\s+0 tombstone")
                .containsPattern(PREFIX + "answers_export\\s+0 tombstone")
                .contains("compaction removes them after an erasure): answers_export 0, employees 0");

        // Lifted: the next crawl publishes the person again.
        CommandOutput lifted = erase("--lift", "--employee", "7002");
        assertThat(lifted.status()).as(lifted.err()).isZero();
        assertThat(lifted.out())
                .contains("lifted the erasure of employee " + hash("7002").substring(0, 12));
        // A lift is a record, not a tombstone: it keeps which runs' documents were erased (compaction keeps it).
        JsonNode lift = ContractJson.mapper().readTree(latestErasure().value());
        assertThat(Timestamps.parse(lift.path("lifted_at").asString())).isBefore(Instant.now());
        assertThat(lift.path("erased_by_run")).isEqualTo(value.path("erased_by_run"));
        RunReport third = ingestion.execute(SyncMode.FULL, false);
        Map<PeakonCollection, List<RecordEnvelope>> back = envelopesOfRun(third.runId());
        assertThat(keys(back, PeakonCollection.EMPLOYEES)).containsExactlyInAnyOrder(7001L, 7002L, 7003L);
        assertThat(keys(back, PeakonCollection.ANSWERS_EXPORT)).hasSize(9);
        assertThat(finished(third.runId(), PeakonCollection.ANSWERS_EXPORT).erased())
                .isNull();
        assertThat(erase("--lift", "--employee", "7002").out()).contains("is not erased");

        // Erased again: the new record adds the third run's documents to the first run's, forgetting neither.
        assertThat(erase("--employee", "7002").status()).isZero();
        JsonNode again = ContractJson.mapper().readTree(latestErasure().value());
        assertThat(again.has("lifted_at")).isFalse();
        assertThat(again.path("erased_by_run").path(first.runId()))
                .isEqualTo(value.path("erased_by_run").path(first.runId()));
        assertThat(again.path("erased_by_run")
                        .path(third.runId())
                        .path("employees")
                        .asLong())
                .isEqualTo(1);
        assertThat(again.path("erased_by_run")
                        .path(third.runId())
                        .path("answers_export")
                        .asLong())
                .isEqualTo(3);
        // ... in force again: the next crawl skips the person once more (the other keys are the compaction test's).
        assertThat(ingestion.execute(SyncMode.FULL, false).status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(latestIsTombstone(byKey(PeakonCollection.EMPLOYEES)))
                .contains("7002")
                .doesNotContain("7001", "7003");
    }

    @Test
    void aDryRunListsWhatWouldBeErasedAndPublishesNothing() throws Exception {
        assertThat(ingestion.execute(SyncMode.FULL, false).status()).isEqualTo(RunStatus.SUCCESS);
        Map<String, Long> before = endOffsets();

        CommandOutput dryRun = erase("--dry-run", "--employee", "07003");

        assertThat(dryRun.status()).as(dryRun.err()).isZero();
        assertThat(dryRun.out())
                .contains("dry run: erasing employee " + hash("7003").substring(0, 12))
                .containsPattern(PREFIX + "employees\\s+1 tombstone\\(s\\)\\s+keys: 7003")
                .containsPattern(PREFIX + "answers_export\\s+3 tombstone\\(s\\)\\s+keys: [0-9, ]+")
                .contains("nothing was published")
                .doesNotContain("Employee 7003", "person7003@example.com", "private comment");
        String answerKeys = dryRun.out()
                .lines()
                .filter(l -> l.contains(PREFIX + "answers_export"))
                .findFirst()
                .orElseThrow();
        assertThat(answerKeys.substring(answerKeys.indexOf("keys: ") + 6).split(", "))
                .containsExactlyInAnyOrder("101", "104", "107");
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void withoutAGoodSecretOrAnEmployeeEraseIsAOneLineConfigurationError() {
        CommandOutput noSecret = erase(List.of("--employee", "7001"), false);
        assertThat(noSecret.configurationError()).startsWith("PEAKON_ERASURE_SECRET is required for erase");

        CommandOutput shortSecret =
                erase(List.of("--employee", "7001", "--peakon.fetcher.erasure.secret=short"), false);
        assertThat(shortSecret.configurationError())
                .isEqualTo("PEAKON_ERASURE_SECRET must be at least 32 characters long");

        CommandOutput noEmployee = erase();
        assertThat(noEmployee.status()).isEqualTo(2);
        assertThat(noEmployee.errLine()).contains("--employee");

        CommandOutput blank = erase("--employee", " ");
        assertThat(blank.status()).isEqualTo(2);
        assertThat(blank.errLine()).contains("--employee", "must not be blank");
    }

    @Test
    void anotherFetcherHoldingTheCrawlLockMeansExit75AndNothingErased() {
        Map<String, Long> before = endOffsets();
        try (MongoClient client =
                MongoClients.create(IntegrationInfrastructure.shared().mongoUri())) {
            SimpleLock held = new MongoLockProvider(
                            client.getDatabase(DB).getCollection(MongoCollections.FETCHER_LOCKS))
                    .lock(new LockConfiguration(Instant.now(), "peakon-crawl", Duration.ofMinutes(5), Duration.ZERO))
                    .orElseThrow();
            try {
                CommandOutput result = erase("--employee", "7001");
                assertThat(result.status()).isEqualTo(75);
                assertThat(result.out()).contains("another fetcher holds the crawl lock");
            } finally {
                held.unlock();
            }
        }
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void theDeclaredTopicsCarryTheErasureBound() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(
                    topics.dataTopic(PeakonCollection.EMPLOYEES), topics.runEventsTopic(), topics.erasuresTopic())) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config =
                        admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
                assertThat(config.get("max.compaction.lag.ms").value())
                        .as(topic)
                        .isEqualTo("2000");
                assertThat(config.get("segment.ms").value()).as(topic).isEqualTo("2000");
                assertThat(config.get("min.compaction.lag.ms").value())
                        .as(topic)
                        .isEqualTo("0");
                assertThat(config.get("delete.retention.ms").value()).as(topic).isEqualTo("604800000");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** {@code fetcher erase <args>} in this JVM against this class's topics, with the class's secret. */
    private CommandOutput erase(String... args) {
        return erase(List.of(args), true);
    }

    private CommandOutput erase(List<String> args, boolean withSecret) {
        List<String> line = new ArrayList<>(List.of("erase"));
        line.addAll(args);
        if (withSecret) {
            line.add("--peakon.fetcher.erasure.secret=" + SECRET);
        }
        line.addAll(shared());
        return CommandOutput.of(() -> FetcherApplication.run(line.toArray(String[]::new)));
    }

    private CommandOutput ingest(String... args) {
        List<String> line = new ArrayList<>(List.of("ingest", "--full-sync"));
        line.addAll(List.of(args));
        line.addAll(List.of(
                "--peakon.fetcher.app-token=" + PeakonStub.APP_TOKEN,
                "--peakon.fetcher.base-url=" + stub.baseUrl(),
                "--peakon.fetcher.per-page=3"));
        line.addAll(shared());
        return CommandOutput.of(() -> FetcherApplication.run(line.toArray(String[]::new)));
    }

    /** The settings this class's context has (a command declaring other topic settings would alter the topics). */
    private List<String> shared() {
        return List.of(
                "--peakon.fetcher.topic-prefix=" + PREFIX,
                "--peakon.fetcher.topic-partitions=3",
                "--peakon.fetcher.erasure.max-compaction-lag=" + LAG,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=" + IntegrationInfrastructure.shared().mongoUri() + "/" + DB,
                "--spring.mongodb.database=" + DB);
    }

    /** HMAC-SHA256 of the id under the class's secret, computed here without the fetcher's code. */
    static String hash(String employeeId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(employeeId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every record of a data topic by key, in offset order per partition. */
    private Map<String, List<ConsumerRecord<String, byte[]>>> byKey(PeakonCollection collection) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record :
                TopicReader.readToEnd(bootstrap, List.of(topics.dataTopic(collection)), new ByteArrayDeserializer())) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
        return byKey;
    }

    /** The erased-items meter of a collection so far (0 before the first erased item). */
    private double erasedItems(String collection) {
        Counter counter = meters.find("peakon.fetcher.items.erased")
                .tag("collection", collection)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The keys whose latest record is a tombstone. */
    private static Set<String> latestIsTombstone(Map<String, List<ConsumerRecord<String, byte[]>>> byKey) {
        return byKey.entrySet().stream()
                .filter(e -> e.getValue().get(e.getValue().size() - 1).value() == null)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * The last record on the erasures topic, from one read: two reads (one for the list, one for its size) may see
     * different lengths, because the broker compacts this class's topics every 2 s.
     */
    private ConsumerRecord<String, byte[]> latestErasure() {
        List<ConsumerRecord<String, byte[]>> register = erasures();
        return register.get(register.size() - 1);
    }

    private List<ConsumerRecord<String, byte[]>> erasures() {
        return TopicReader.readToEnd(bootstrap, List.of(topics.erasuresTopic()), new ByteArrayDeserializer());
    }

    /**
     * The run's stats of one collection, from its RunFinished: the topics of this class compact within seconds, and
     * compaction keeps only the last event of a run (its self-contained RunFinished).
     */
    private CollectionStats finished(String runId, PeakonCollection collection) {
        RunFinished finished = runEventsOf(runId).stream()
                .filter(RunFinished.class::isInstance)
                .map(RunFinished.class::cast)
                .reduce((first, last) -> last)
                .orElseThrow();
        return finished.collections().get(collection.collectionName());
    }

    /** The run's envelopes by collection (the topics hold tombstones now, which CrawlFixture's reader does not expect). */
    private Map<PeakonCollection, List<RecordEnvelope>> envelopesOfRun(String runId) {
        Map<PeakonCollection, List<RecordEnvelope>> byCollection = new EnumMap<>(PeakonCollection.class);
        for (PeakonCollection c : PeakonCollection.values()) {
            byCollection.put(c, new ArrayList<>());
        }
        for (ConsumerRecord<String, RecordEnvelope> record :
                TopicReader.readToEnd(bootstrap, topics.dataTopics(), new ContractDeserializer.Envelopes())) {
            if (record.value() != null && runId.equals(record.value().runId())) {
                byCollection.get(record.value().knownCollection().orElseThrow()).add(record.value());
            }
        }
        return byCollection;
    }

    private static List<Object> keys(Map<PeakonCollection, List<RecordEnvelope>> published, PeakonCollection c) {
        return published.get(c).stream()
                .map(e -> e.key() instanceof DocumentKey.Numeric n
                        ? (Object) n.value()
                        : e.key().toString())
                .toList();
    }

    /** End offsets of every partition of every topic of this class. */
    private Map<String, Long> endOffsets() {
        List<String> all = new ArrayList<>(topics.dataTopics());
        all.add(topics.runEventsTopic());
        all.add(topics.erasuresTopic());
        Map<String, Long> ends = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record :
                TopicReader.readToEnd(bootstrap, all, new ByteArrayDeserializer())) {
            ends.merge(record.topic() + "-" + record.partition(), record.offset() + 1, Math::max);
        }
        return ends;
    }

    /** A record on every partition of the topics: the later record after which the broker rolls the segment. */
    private void appendToEveryPartition(PeakonCollection... collections) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (PeakonCollection collection : collections) {
                String topic = topics.dataTopic(collection);
                for (int partition = 0; partition < 3; partition++) {
                    producer.send(new ProducerRecord<>(topic, partition, "\"roll-" + partition + "\"", null))
                            .get();
                }
            }
        }
    }

    /** Records of the employees and answers topics (any offset) whose value is the person's. */
    private List<String> valuesNaming(String person) {
        List<String> found = new ArrayList<>();
        for (PeakonCollection collection : List.of(PeakonCollection.EMPLOYEES, PeakonCollection.ANSWERS_EXPORT)) {
            for (ConsumerRecord<String, byte[]> record : TopicReader.readToEnd(
                    bootstrap, List.of(topics.dataTopic(collection)), new ByteArrayDeserializer())) {
                if (record.value() == null) {
                    continue;
                }
                JsonNode item = ContractJson.mapper().readTree(record.value()).path("item");
                String id = collection == PeakonCollection.EMPLOYEES
                        ? item.path("id").asString()
                        : item.path("attributes").path("employeeId").asString();
                if (person.equals(id)) {
                    found.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                }
            }
        }
        return found;
    }
}
