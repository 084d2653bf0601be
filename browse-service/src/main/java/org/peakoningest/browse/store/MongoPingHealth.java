package org.peakoningest.browse.store;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code mongo} health: a {@code ping} on the browsed database. Replaces Spring Boot's Mongo indicator
 * ({@code management.health.mongo.enabled=false}), which sends {@code hello} to every database and so reports DOWN on
 * the embedded Mongo-wire server (mongo-java-server answers {@code hello} with CommandNotFound) although reads work.
 */
@Component("mongoHealthIndicator")
class MongoPingHealth extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    MongoPingHealth(MongoClient client, @Value("${spring.mongodb.database:peakon}") String database) {
        super("MongoDB health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase(database).runCommand(new Document("ping", 1), ReadPreference.primaryPreferred());
        builder.up();
    }
}
