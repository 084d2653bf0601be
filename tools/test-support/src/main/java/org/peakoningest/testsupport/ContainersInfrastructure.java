package org.peakoningest.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Where a Docker engine is available: the real {@code apache/kafka} (KRaft) and {@code mongo:8} images.
 */
final class ContainersInfrastructure implements Infrastructure {

    /** Pinned to the kafka-clients version Spring Boot 4.0.7 manages. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    static final String MONGO_IMAGE = "mongo:8.0.17";

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);

    ContainersInfrastructure() {
        kafka.start();
        mongo.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017);
    }

    @Override
    public String kind() {
        return "containers";
    }

    @Override
    public void interruptMongo() {
        mongo.getDockerClient().pauseContainerCmd(mongo.getContainerId()).exec();
    }

    @Override
    public void resumeMongo() {
        mongo.getDockerClient().unpauseContainerCmd(mongo.getContainerId()).exec();
    }

    void close() {
        kafka.stop();
        mongo.stop();
    }
}
