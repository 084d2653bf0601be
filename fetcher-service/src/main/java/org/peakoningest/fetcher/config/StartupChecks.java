package org.peakoningest.fetcher.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.peakoningest.servicesupport.ConfigurationProblem;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * At start-up, before any command runs or the daemon schedules anything: MongoDB and Kafka must answer within a few
 * seconds, else the process stops with one line naming {@code MONGO_URI} or {@code KAFKA_BOOTSTRAP_SERVERS}. Then
 * the topics are created (or checked).
 */
@Component
class StartupChecks implements SmartInitializingSingleton {

    static final int TIMEOUT_SECONDS = 8;

    private final Environment env;
    private final KafkaAdmin kafkaAdmin;

    StartupChecks(Environment env, KafkaAdmin kafkaAdmin) {
        this.env = env;
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public void afterSingletonsInstantiated() {
        checkMongo();
        checkKafka();
        try {
            kafkaAdmin.initialize();
        } catch (RuntimeException e) {
            throw new ConfigurationProblem(
                    "KAFKA_BOOTSTRAP_SERVERS", "reachable, but the topics could not be created: " + rootMessage(e), e);
        }
    }

    private void checkMongo() {
        // An invalid URI never gets here: Boot's MongoClient refused it already (one line naming MONGO_URI).
        ConnectionString uri = new ConnectionString(env.getProperty("spring.mongodb.uri", "mongodb://localhost:27017"));
        String database = env.getProperty("spring.mongodb.database", "peakon");
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase(database).runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            throw new ConfigurationProblem(
                    "MONGO_URI", "is unreachable (" + String.join(",", uri.getHosts()) + "): " + rootMessage(e), e);
        }
    }

    private void checkKafka() {
        String servers = env.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
        // The admin client's own settings (bootstrap servers, and TLS/SASL of a managed Kafka: SPRING_KAFKA_SECURITY_*,
        // SPRING_KAFKA_PROPERTIES_SASL_*, SPRING_KAFKA_SSL_*), with short timeouts: a check with the bootstrap servers
        // alone would speak PLAINTEXT to a SASL_SSL listener and never get an answer.
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_SECONDS * 1000))
                    .nodes()
                    .get(TIMEOUT_SECONDS + 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationProblem("KAFKA_BOOTSTRAP_SERVERS", "check was interrupted", e);
        } catch (Exception e) {
            throw new ConfigurationProblem(
                    "KAFKA_BOOTSTRAP_SERVERS", "is unreachable (" + servers + "): " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Mongo's timeout message lists the cluster description; one line is enough.
        int cut = message.indexOf(". Client view of cluster state");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
