package org.peakoningest.writer.startup;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.peakoningest.writer.config.WriterProperties;
import org.peakoningest.writer.store.DataIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Before any listener starts: Mongo and Kafka must answer within {@code startupTimeout} (else the process exits
 * with status 2 naming {@code MONGO_URI} / {@code KAFKA_BOOTSTRAP_SERVERS}), and the indexes are created.
 */
@Component
class StartupChecks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private final MongoDatabase mongo;
    private final KafkaAdmin kafkaAdmin;
    private final KafkaProperties kafka;
    private final DataIndexes indexes;
    private final Duration timeout;

    StartupChecks(
            MongoDatabase mongo,
            KafkaAdmin kafkaAdmin,
            KafkaProperties kafka,
            DataIndexes indexes,
            WriterProperties properties) {
        this.mongo = mongo;
        this.kafkaAdmin = kafkaAdmin;
        this.kafka = kafka;
        this.indexes = indexes;
        this.timeout = properties.startupTimeout();
    }

    @Override
    public void afterSingletonsInstantiated() {
        awaitMongo();
        awaitKafka();
        indexes.ensure();
        log.info(
                "connected to MongoDB database '{}' and Kafka at {}; indexes in place",
                mongo.getName(),
                String.join(",", kafka.getBootstrapServers()));
    }

    private void awaitMongo() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                mongo.runCommand(new Document("ping", 1));
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() >= deadline) {
                    throw new ConfigurationProblem(
                            "MONGO_URI",
                            "is not reachable within " + timeout.toSeconds() + " s ("
                                    + e.getClass().getSimpleName() + ")",
                            e);
                }
                log.warn("waiting for MongoDB (MONGO_URI): {}", e.getClass().getSimpleName());
                sleep();
            }
        }
    }

    private void awaitKafka() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationProblem("KAFKA_BOOTSTRAP_SERVERS", "check was interrupted", e);
        } catch (Exception e) {
            // The admin client's future fails with an ExecutionException; what went wrong is its cause.
            Throwable why = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ConfigurationProblem(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "is not reachable at " + String.join(",", kafka.getBootstrapServers()) + " within "
                            + timeout.toSeconds() + " s ("
                            + why.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationProblem("MONGO_URI", "check was interrupted", e);
        }
    }
}
