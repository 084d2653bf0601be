package org.peakoningest.fetcher.publish;

import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.peakoningest.common.TopicNames;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the fetcher publishes to: their names (the contract's) and their declaration. */
@Configuration(proxyBeanMethods = false)
class PublishedTopics {

    @Bean
    TopicNames topicNames(FetcherProperties props) {
        return new TopicNames(props.topicPrefix());
    }

    /**
     * Every data topic and the run-events topic, compacted: a data topic keeps the latest version of every key
     * forever (a replay rebuilds Mongo), the run-events topic keeps each run's self-contained RunFinished. Created
     * by the start-up checks once Kafka answers.
     */
    @Bean
    KafkaAdmin.NewTopics peakonTopics(TopicNames topics, FetcherProperties props) {
        return new KafkaAdmin.NewTopics(Stream.concat(topics.dataTopics().stream(), Stream.of(topics.runEventsTopic()))
                .map(name -> TopicBuilder.name(name)
                        .partitions(props.topicPartitions())
                        .replicas(props.topicReplication())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        .build())
                .toArray(NewTopic[]::new));
    }
}
