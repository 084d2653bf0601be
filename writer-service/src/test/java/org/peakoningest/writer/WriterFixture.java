package org.peakoningest.writer;

import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.ContractSerializer;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.peakoningest.testsupport.KafkaProbe;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.EnvelopeDeserializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Produces contract records the way the fetcher does ({@link ContractSerializer} + {@link RecordKeys}) and reads
 * back what the writer did (documents, committed offsets). One per test class, with its own topic prefix, registered
 * as a JUnit extension ({@code @RegisterExtension static final}), which closes it after the class.
 */
public final class WriterFixture implements AutoCloseable, AfterAllCallback {

    public final String bootstrap = IntegrationInfrastructure.shared().kafkaBootstrapServers();
    public final TopicNames topics;
    private final KafkaProducer<String, Object> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    public WriterFixture(String prefix) {
        this.topics = new TopicNames(prefix);
        List<String> all = new ArrayList<>(topics.dataTopics());
        all.add(topics.runEventsTopic());
        KafkaProbe.createTopics(bootstrap, 3, all);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(props, new StringSerializer(), new ContractSerializer<>());
        rawProducer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public static ObjectNode answerItem(long answerId, String comment) {
        ObjectNode item = ContractJson.mapper().createObjectNode();
        item.put("id", Long.toString(answerId));
        item.put("type", "answers_export");
        ObjectNode attributes = item.putObject("attributes");
        attributes.put("answerId", answerId);
        attributes.put("answerScore", (int) (answerId % 11));
        attributes.put("answerComment", comment);
        attributes.put("employeeId", 1000 + answerId % 50);
        attributes.put("questionId", 7 + answerId % 5);
        attributes.put("responseAnsweredAt", "2026-11-0" + (1 + answerId % 9) + "T10:00:00Z");
        return item;
    }

    /**
     * A run's employee records as the fetcher publishes them ({@code Person <id>}, department Sales), fetched a second
     * after the run started, as its first page is.
     */
    public static List<RecordEnvelope> employees(String runId, Instant start, List<Long> people) {
        return people.stream()
                .map(id -> {
                    ObjectNode item = ContractJson.mapper().createObjectNode();
                    item.put("id", Long.toString(id));
                    item.put("type", PeakonCollection.EMPLOYEES.collectionName());
                    item.putObject("attributes").put("name", "Person " + id).put("Department", "Sales");
                    return envelope(
                            runId, PeakonCollection.EMPLOYEES, DocumentKey.of(id), start.plusSeconds(1), null, item);
                })
                .toList();
    }

    public static RecordEnvelope answer(String runId, long answerId, Instant fetchedAt, String comment) {
        return RecordEnvelope.of(
                runId,
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                "https://acme.peakon.com/api/v1/answers/export?per_page=10000",
                fetchedAt,
                DocumentKey.of(answerId),
                null,
                answerItem(answerId, comment));
    }

    /** The envelope as the writer reads it off a topic: serialised by the contract, read by the writer's reader. */
    public static DecodedEnvelope decoded(RecordEnvelope envelope) {
        byte[] bytes = new ContractSerializer<RecordEnvelope>().serialize("test", envelope);
        return new EnvelopeDeserializer().deserialize("test", bytes);
    }

    public static RecordEnvelope envelope(
            String runId,
            PeakonCollection collection,
            DocumentKey key,
            Instant fetchedAt,
            String driverId,
            ObjectNode item) {
        return RecordEnvelope.of(
                runId,
                collection,
                "/" + collection.collectionName(),
                "https://acme.peakon.com/api/v1/" + collection.collectionName(),
                fetchedAt,
                key,
                driverId,
                item);
    }

    public void send(RecordEnvelope envelope) {
        PeakonCollection collection = envelope.knownCollection().orElseThrow();
        sendTo(topics.dataTopic(collection), RecordKeys.of(envelope.key()), envelope);
    }

    public void send(List<RecordEnvelope> envelopes) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (RecordEnvelope envelope : envelopes) {
            sent.add(producer.send(new ProducerRecord<>(
                    topics.dataTopic(envelope.knownCollection().orElseThrow()),
                    RecordKeys.of(envelope.key()),
                    envelope)));
        }
        await(sent);
    }

    public void send(RunEvent event) {
        sendTo(topics.runEventsTopic(), RecordKeys.ofRun(event.runId()), event);
    }

    public void sendTo(String topic, String key, Object value) {
        await(List.of(producer.send(new ProducerRecord<>(topic, key, value))));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        await(List.of(rawProducer.send(new ProducerRecord<>(topic, key, value))));
    }

    private static void await(List<? extends java.util.concurrent.Future<?>> sent) {
        try {
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> subscribed() {
        List<String> all = new ArrayList<>(topics.dataTopics());
        all.add(topics.runEventsTopic());
        return all;
    }

    /** End offsets of every subscribed partition. */
    public Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (var d :
                    admin.describeTopics(subscribed()).allTopicNames().get().values()) {
                d.partitions()
                        .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> out = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(request).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Committed offsets of the group on the subscribed partitions (0 where nothing was committed). */
    public Map<TopicPartition, Long> committed(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> out = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            for (TopicPartition tp : endOffsets().keySet()) {
                OffsetAndMetadata o = committed.get(tp);
                out.put(tp, o == null ? 0L : o.offset());
            }
            return out;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the group's committed offsets back to the beginning (the group must have no active member). */
    public void rewind(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            endOffsets().keySet().forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, zero).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code count} records of the dead-letter topic of {@code topic} (waits up to 30 s for them). */
    public List<ConsumerRecord<String, byte[]>> deadLetters(String topic, int count) {
        return KafkaProbe.readAll(
                bootstrap,
                List.of(topics.deadLetterTopic(topic)),
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                count,
                Duration.ofSeconds(30));
    }

    /** A header of a record as text, or null when it has none of that name. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public boolean caughtUp(String group) {
        return committed(group).equals(endOffsets());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * Every document of a collection by {@code _id} (as its string form plus type, so 42 and "42" differ). A run's
     * {@code alerted} is left out: alert bookkeeping of this database (the writer's {@code alerts.LandingDeadline}
     * sets it when it alerts a late landing, e.g. while a test's run from a fixed date is still landing), not part of
     * the projection a rebuild must equal.
     */
    public static Map<String, Document> snapshot(MongoDatabase mongo, String collection) {
        Map<String, Document> out = new TreeMap<>();
        for (Document d : mongo.getCollection(collection).find()) {
            if (collection.equals(MongoCollections.INGESTION_RUNS)) {
                d.remove("alerted");
            }
            Object id = d.get("_id");
            out.put(id.getClass().getSimpleName() + ":" + id, d);
        }
        return out;
    }

    /** The run document {@code id} of {@code ingestion_runs}, or an empty document. */
    public static Document run(MongoDatabase db, String id) {
        Document doc = db.getCollection(MongoCollections.INGESTION_RUNS)
                .find(new Document("_id", id))
                .first();
        return doc == null ? new Document() : doc;
    }

    /** Every document of every data collection and of {@code ingestion_runs}, by collection and {@link #snapshot} key. */
    public static Map<String, Map<String, Document>> everything(MongoDatabase db) {
        Map<String, Map<String, Document>> all = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (PeakonCollection c : PeakonCollection.values()) {
            names.add(c.collectionName());
        }
        names.add(MongoCollections.INGESTION_RUNS);
        for (String name : names) {
            all.put(name, snapshot(db, name));
        }
        return all;
    }

    /** Runs {@code action} with {@code System.out} captured in {@code out} (and printed afterwards). */
    public static int withStdout(ByteArrayOutputStream out, IntSupplier action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return action.getAsInt();
        } finally {
            System.setOut(original);
            System.out.print(out.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code writer replay --target-db <target>} over this fixture's topics, as a user runs it.
     *
     * @return the exit status and what it printed
     */
    public ReplayOutcome replay(String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = withStdout(
                out,
                () -> WriterApplication.run(
                        "replay",
                        "--target-db",
                        target,
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.mongodb.uri="
                                + IntegrationInfrastructure.shared().mongoUri(),
                        "--peakon.writer.topic-prefix=" + topics.prefix()));
        return new ReplayOutcome(status, out.toString(StandardCharsets.UTF_8));
    }

    public record ReplayOutcome(int status, String printed) {}

    public static Duration patience() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
