package org.peakoningest.browse.store;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A browse request should fail fast (503) when MongoDB is unreachable instead of hanging for the driver's default
 * 30 s server selection; settings given in {@code MONGO_URI} are applied first and are overridden only here.
 */
@Configuration
class MongoSettings {

    @Bean
    MongoClientSettingsBuilderCustomizer browseTimeouts() {
        return settings -> settings.applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(
                        s -> s.connectTimeout(5, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS));
    }
}
