package org.peakoningest.testsupport;

/**
 * A real Kafka broker (KRaft) and a real MongoDB wire-protocol endpoint for integration tests, shared by every test
 * in a JVM. Obtain it with {@link IntegrationInfrastructure#shared()}, or let {@link PeakonIntegrationTest} put it
 * into a Spring test context.
 */
public interface Infrastructure {

    /** {@code host:port} of the broker, for {@code bootstrap.servers}. */
    String kafkaBootstrapServers();

    /** A {@code mongodb://} URI without a database name. */
    String mongoUri();

    /** {@code embedded} (in-JVM KRaft broker + mongo-java-server) or {@code containers} (Testcontainers). */
    String kind();

    /**
     * Makes the Mongo endpoint unreachable (connections refused or hanging) until {@link #resumeMongo()}; the data
     * survives, as it would across a real {@code mongod} restart. For tests of "Mongo down is not a poison record".
     */
    void interruptMongo();

    /** Makes the Mongo endpoint reachable again, on the same address, with the data it had. */
    void resumeMongo();
}
