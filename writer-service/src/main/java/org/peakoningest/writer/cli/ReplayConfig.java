package org.peakoningest.writer.cli;

import org.peakoningest.writer.config.WriterTopics;
import org.peakoningest.writer.runs.LandedReconciler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/** The beans of the {@code replay} command (set by {@link Command}: {@code peakon.writer.replay.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "peakon.writer.replay.enabled", havingValue = "true")
class ReplayConfig {

    @Bean
    ReplayProgress replayProgress() {
        return new ReplayProgress();
    }

    @Bean
    ReplayDeadLetters replayDeadLetters() {
        return new ReplayDeadLetters();
    }

    @Bean
    ReplayRunner replayRunner(KafkaAdmin kafkaAdmin, WriterTopics topics, ReplayProgress progress,
                              ReplayDeadLetters deadLetters, KafkaListenerEndpointRegistry registry,
                              LandedReconciler landed, MongoTemplate mongo,
                              @Value("${peakon.writer.group-id}") String group,
                              @Value("${peakon.writer.replay.generated-group:false}") boolean generatedGroup) {
        return new ReplayRunner(kafkaAdmin, topics, progress, deadLetters, registry, landed, mongo, group,
                generatedGroup);
    }
}
