package org.peakoningest.writer.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short, explicit Mongo timeouts: with the driver's defaults (30 s server selection, no read timeout) an outage
 * or a hung server would block a batch for long or forever instead of failing it into the retry loop.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    /**
     * The database the writer projects into ({@code MONGO_DB}, or {@code replay --target-db}): the driver's own
     * {@link MongoDatabase}, as mongo-kafka uses it. The writer reads and writes documents and indexes only, so it
     * needs no object mapping (Spring Data's ~660 classes, about 3 MB of metaspace per process). The name is
     * resolved as Spring Data's factory resolves it: {@code spring.mongodb.database}, else the URI's database.
     */
    @Bean
    MongoDatabase writerDatabase(MongoClient client, MongoProperties properties, MongoConnectionDetails connection) {
        String name = properties.getDatabase() != null
                ? properties.getDatabase()
                : connection.getConnectionString().getDatabase();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("no MongoDB database: set MONGO_DB or name one in MONGO_URI");
        }
        return client.getDatabase(name);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer writerMongoTimeouts(WriterProperties properties) {
        long timeout = properties.mongoTimeout().toMillis();
        long socket = properties.mongoSocketTimeout().toMillis();
        return builder -> builder.applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(sockets -> sockets.connectTimeout((int) timeout, TimeUnit.MILLISECONDS)
                        .readTimeout((int) socket, TimeUnit.MILLISECONDS));
    }
}
