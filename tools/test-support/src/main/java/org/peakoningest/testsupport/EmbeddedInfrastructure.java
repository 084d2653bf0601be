package org.peakoningest.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka: spring-kafka-test's in-JVM KRaft broker (one node, combined broker/controller). Mongo: mongo-java-server's
 * memory backend on a random loopback port, reached by the real driver over TCP through a {@link TcpProxy}.
 */
final class EmbeddedInfrastructure implements Infrastructure {

    /** Partitions of auto-created topics: more than one, so partition-related bugs show up in tests. */
    static final int DEFAULT_PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final TcpProxy mongoProxy;

    EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();

        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        // Clients reach Mongo through a proxy so a test can cut the connection while the data stays.
        mongoProxy = new TcpProxy(mongo.getLocalAddress());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoProxy.port();
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void interruptMongo() {
        mongoProxy.cut();
    }

    @Override
    public void resumeMongo() {
        mongoProxy.restore();
    }

    void close() {
        mongoProxy.close();
        mongo.shutdownNow();
        kafka.destroy();
    }
}
