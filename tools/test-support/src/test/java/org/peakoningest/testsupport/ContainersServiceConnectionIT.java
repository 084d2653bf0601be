package org.peakoningest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Docker variant through {@code @ServiceConnection}: runs where a Docker engine answers, skips cleanly here.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ContainersServiceConnectionIT.App.class)
class ContainersServiceConnectionIT {

    @Container
    @ServiceConnection
    static KafkaContainer kafka = new KafkaContainer(ContainersInfrastructure.KAFKA_IMAGE);

    @Container
    @ServiceConnection
    static MongoDBContainer mongo = new MongoDBContainer(ContainersInfrastructure.MONGO_IMAGE);

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Test
    void bootConnectsToTheContainers() throws Exception {
        mongoTemplate.save(new Document("_id", "x").append("v", 1), "probe");
        assertThat(mongoTemplate.getCollection("probe").countDocuments()).isEqualTo(1);
        assertThat(kafkaTemplate
                        .send("it.containers", "k", "v")
                        .get()
                        .getRecordMetadata()
                        .offset())
                .isGreaterThanOrEqualTo(0);
    }

    @SpringBootApplication
    static class App {}
}
