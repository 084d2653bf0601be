package org.peakoningest.embeddedstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peakoningest.embeddedstack.process.Ports;

/**
 * Issue #15: a stack never attaches to a broker or a Mongo-wire server it did not start. Another stack's broker (and
 * Mongo-wire server) takes the port this stack picked between the check and the bind, as when two
 * {@code ./peakon-ingest run} start at the same moment: this stack notices that what answers there is not its own
 * (another cluster id; another instance id), starts its own on another port, and its clients never see the other
 * stack's topics or documents.
 */
class ForeignInfrastructureIT {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("peakon.home", "../..")).toAbsolutePath();

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void aBrokerOfAnotherStackOnThePortTakenBeforeTheBindIsNotAttachedTo(
            @TempDir Path foreignState, @TempDir Path state) throws Exception {
        try (EmbeddedStack foreign =
                        new EmbeddedStack(new StackLayout(REPOSITORY, foreignState), Map.of(), line -> {});
                EmbeddedStack own = new EmbeddedStack(new StackLayout(REPOSITORY, state), Map.of(), progress::add)) {
            String foreignBootstrap = foreign.startKafka(0);
            createTopic(foreignBootstrap, "foreign.only");
            int taken = URI.create("kafka://" + foreignBootstrap).getPort();

            String bootstrap = own.startKafkaOn(taken, new Ports().free());

            assertThat(bootstrap).as("this stack's broker").isNotEqualTo(foreignBootstrap);
            assertThat(topics(bootstrap)).as("topics this stack's clients see").doesNotContain("foreign.only");
            assertThat(own.supervisor().running())
                    .as("this stack's broker process")
                    .singleElement()
                    .satisfies(kafka -> assertThat(kafka.isAlive()).isTrue());
            assertThat(progress).anyMatch(line -> line.contains("port " + taken) && line.contains("another broker"));
        }
    }

    @Test
    void aMongoWireServerOfAnotherStackOnThePortTakenBeforeTheBindIsNotAttachedTo(
            @TempDir Path foreignState, @TempDir Path state) throws Exception {
        try (EmbeddedStack foreign =
                        new EmbeddedStack(new StackLayout(REPOSITORY, foreignState), Map.of(), line -> {});
                EmbeddedStack own = new EmbeddedStack(new StackLayout(REPOSITORY, state), Map.of(), progress::add)) {
            String foreignUri =
                    foreign.startMongo(0, null, ProcessHandle.current().pid());
            try (MongoClient client = MongoClients.create(foreignUri)) {
                client.getDatabase("peakon").getCollection("foreign_only").insertOne(new Document("_id", 1));
            }
            int taken = URI.create(foreignUri).getPort();

            String uri = own.startMongoOn(taken, null, ProcessHandle.current().pid());

            assertThat(uri).as("this stack's Mongo-wire server").isNotEqualTo(foreignUri);
            try (MongoClient client = MongoClients.create(uri)) {
                assertThat(client.getDatabase("peakon").listCollectionNames().into(new java.util.ArrayList<>()))
                        .doesNotContain("foreign_only");
            }
            assertThat(own.mongoProcess().isAlive()).isTrue();
        }
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
