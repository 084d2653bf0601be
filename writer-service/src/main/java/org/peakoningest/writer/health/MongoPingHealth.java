package org.peakoningest.writer.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mongo} in {@code /actuator/health}: UP when the database answers {@code ping}. Replaces Spring Boot's
 * indicator (same bean name), which sends {@code hello}: mongo-java-server, the embedded and test endpoint, does not
 * know that command, so Boot's indicator reported DOWN forever there. {@code ping} means the same on MongoDB.
 */
@Component("mongoHealthIndicator")
class MongoPingHealth implements HealthIndicator {

    private final MongoDatabase mongo;

    MongoPingHealth(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            mongo.runCommand(new Document("ping", 1));
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
