package org.peakoningest.writer.config;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short, explicit Mongo timeouts: with the driver's defaults (30 s server selection, no read timeout) an outage
 * or a hung server would block a batch for long or forever instead of failing it into the retry loop.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

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
