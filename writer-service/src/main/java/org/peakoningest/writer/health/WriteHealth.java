package org.peakoningest.writer.health;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mongoWrites} in {@code /actuator/health}: DOWN from the first failed batch write until a batch is written
 * again, so an orchestrator sees a writer that is retrying against an unavailable Mongo.
 */
@Component("mongoWritesHealthIndicator")
public class WriteHealth implements HealthIndicator {

    private volatile Instant failingSince;
    private volatile String lastFailure;

    public void succeeded() {
        failingSince = null;
        lastFailure = null;
    }

    public void failed(Exception e) {
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        lastFailure = e.getClass().getSimpleName();
    }

    public boolean isFailing() {
        return failingSince != null;
    }

    @Override
    public Health health() {
        Instant since = failingSince;
        if (since == null) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("failing_since", since.toString())
                .withDetail("last_failure", String.valueOf(lastFailure))
                .build();
    }
}
