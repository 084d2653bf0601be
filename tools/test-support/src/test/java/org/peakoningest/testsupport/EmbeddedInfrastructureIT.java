package org.peakoningest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The shared infrastructure is real: records go through a broker, documents through the wire protocol. */
class EmbeddedInfrastructureIT {

    private final Infrastructure infra = IntegrationInfrastructure.shared();

    @Test
    void kafkaRoundTripsRecordsInOrderPerKey() throws Exception {
        String topic = "it.infra.roundtrip";
        KafkaProbe.createTopics(infra.kafkaBootstrapServers(), 3, List.of(topic));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 2), "v" + i))
                        .get();
            }
        }
        List<ConsumerRecord<String, String>> read = KafkaProbe.readAll(
                infra.kafkaBootstrapServers(),
                List.of(topic),
                new StringDeserializer(),
                new StringDeserializer(),
                10,
                Duration.ofSeconds(30));
        assertThat(read).hasSize(10);
        assertThat(read.stream().filter(r -> r.key().equals("k0")).map(ConsumerRecord::value))
                .containsExactly("v0", "v2", "v4", "v6", "v8");
    }

    @Test
    void mongoHonoursUniqueIndexesAndSurvivesAnInterruption() {
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            MongoCollection<Document> people = client.getDatabase("it_infra").getCollection("people");
            people.drop();
            people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            people.insertOne(new Document("_id", 1).append("email", "a@example.com"));
            assertThatThrownBy(() -> people.insertOne(new Document("_id", 2).append("email", "a@example.com")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");

            infra.interruptMongo();
            infra.resumeMongo();
            assertThat(people.countDocuments()).isEqualTo(1);
        }
    }
}
