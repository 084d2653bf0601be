package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.StackState;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.stack.StackLayout;

/**
 * The broker and the Mongo-wire server started from the built artifacts (target/kafka-libs, target/lib) as their
 * own OS processes: clients can use them, Kafka's console consumer reads from them, and nothing is left running
 * afterwards.
 */
class InfrastructureProcessesIT {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("peakon.home", "../..")).toAbsolutePath();

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void kafkaAndMongoRunAsSeparateProcessesServeClientsAndStopWithoutLeftovers(@TempDir Path state) throws Exception {
        StackLayout layout = new StackLayout(REPOSITORY, state);
        List<Long> pids;
        try (EmbeddedStack stack = new EmbeddedStack(layout, Map.of(), progress::add)) {
            String bootstrap = stack.startKafka(0);
            String mongoUri = stack.startMongo(0, null, ProcessHandle.current().pid());

            List<ManagedProcess> running = stack.supervisor().running();
            pids = running.stream().map(ManagedProcess::pid).toList();
            assertThat(running).extracting(ManagedProcess::name).containsExactly("kafka", "mongo");
            assertThat(pids)
                    .doesNotContain(ProcessHandle.current().pid())
                    .allMatch(pid ->
                            ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertThat(commandLineOf(pids.get(0))).contains("kafka.Kafka");
            assertThat(commandLineOf(pids.get(1))).contains("MongoWireServer");

            Map<String, String> sent = produce(bootstrap, "it.roundtrip", 200);
            assertThat(consume(bootstrap, "it.roundtrip", sent.size())).isEqualTo(sent);

            // Kafka's own console consumer, run like `./peakon-ingest kafka-console-consumer`, reads the same topic.
            assertThat(consoleConsumer(layout, bootstrap, "it.roundtrip", sent.size(), state))
                    .hasSize(sent.size())
                    .allMatch(line -> sent.containsKey(line.split("\t")[0]))
                    .allMatch(line -> sent.get(line.split("\t")[0]).equals(line.split("\t")[1]));

            try (MongoClient client = MongoClients.create(mongoUri)) {
                MongoCollection<Document> answers = client.getDatabase("peakon").getCollection("it_answers");
                List<Document> docs = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    docs.add(new Document("_id", i).append("answerScore", i % 11));
                }
                answers.insertMany(docs);
                assertThat(answers.countDocuments()).isEqualTo(1000);
                assertThat(answers.find(Filters.eq("_id", 742)).first()).containsEntry("answerScore", 742 % 11);
                // Spring Boot's Mongo health indicator sends `hello` (newer than what mongo-java-server answers).
                assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)))
                        .containsEntry("isWritablePrimary", true);
            }

            StackState recorded = StackState.at(layout.stateFile());
            assertThat(recorded.get("kafka.bootstrap")).contains(bootstrap);
            assertThat(recorded.get("mongo.uri")).contains(mongoUri);
            assertThat(recorded.liveProcesses()).extracting(ProcessHandle::pid).containsExactlyElementsOf(pids);
        }

        assertThat(pids)
                .allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(progress).anyMatch(line -> line.startsWith("kafka ready at 127.0.0.1:"));
    }

    @Test
    void stopCommandStopsAStackLeftRunningAndKeptKafkaDataSurvivesARestart(@TempDir Path state) throws Exception {
        StackLayout layout = new StackLayout(REPOSITORY, state);
        List<Long> pids;
        Map<String, String> sent;
        String firstBootstrap;
        try (EmbeddedStack stack = new EmbeddedStack(layout, Map.of(), progress::add)) {
            firstBootstrap = stack.startKafka(0);
            stack.startMongo(0, null, null);
            sent = produce(firstBootstrap, "it.kept", 50);
            pids = stack.supervisor().running().stream()
                    .map(ManagedProcess::pid)
                    .toList();
            // --keep-running: the launcher lets go of its children ...
            stack.supervisor().release();
        }
        assertThat(pids)
                .allMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        // ... and `./peakon-ingest stop` finds them through the state file.
        Launcher launcher = new Launcher(layout, Map.of(), System.out, System.err);
        assertThat(launcher.execute(List.of("stop"))).isZero();
        assertThat(pids)
                .allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(layout.stateFile()).doesNotExist();

        // The broker's data directory was kept: a restart (same ports, no reformat) still has the records.
        try (EmbeddedStack stack = new EmbeddedStack(layout, Map.of(), progress::add)) {
            assertThat(stack.startKafka(0)).isEqualTo(firstBootstrap);
            assertThat(consume(firstBootstrap, "it.kept", sent.size())).isEqualTo(sent);
        }
    }

    @Test
    void theH2BackendKeepsMongoDataAcrossRestarts(@TempDir Path state) throws Exception {
        StackLayout layout = new StackLayout(REPOSITORY, state);
        for (int round = 1; round <= 2; round++) {
            try (EmbeddedStack stack = new EmbeddedStack(layout, Map.of(), progress::add);
                    MongoClient client = MongoClients.create(stack.startMongo(
                            0, layout.mongoH2File(), ProcessHandle.current().pid()))) {
                MongoCollection<Document> employees =
                        client.getDatabase("peakon").getCollection("employees");
                employees.insertOne(new Document("_id", round).append("name", "employee " + round));
                assertThat(employees.countDocuments())
                        .as("documents in round " + round)
                        .isEqualTo(round);
            }
        }
        assertThat(layout.mongoH2File()).exists();
    }

    private static Map<String, String> produce(String bootstrap, String topic, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Map<String, String> sent = new HashMap<>();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String key = "answer-" + i;
                String value = "{\"answerId\":" + i + "}";
                producer.send(new ProducerRecord<>(topic, key, value)).get();
                sent.put(key, value);
            }
        }
        return sent;
    }

    private static Map<String, String> consume(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> received = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (received.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.put(record.key(), record.value());
                }
            }
        }
        return received;
    }

    private static List<String> consoleConsumer(StackLayout layout, String bootstrap, String topic, int max, Path dir)
            throws Exception {
        var command = Launcher.kafkaToolCommand(
                layout,
                "kafka-console-consumer",
                List.of(
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        topic,
                        "--from-beginning",
                        "--max-messages",
                        Integer.toString(max),
                        "--timeout-ms",
                        "30000",
                        "--property",
                        "print.key=true"));
        Path out = dir.resolve("console-consumer.out");
        Process process = new ProcessBuilder(command.commandLine())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("console-consumer.err").toFile())
                .start();
        assertThat(process.waitFor()).as("console consumer exit code").isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\t"))
                .toList();
    }

    private static String commandLineOf(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(h -> h.info().commandLine())
                .or(() -> Optional.of(""))
                .get();
    }
}
