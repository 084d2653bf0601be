package org.peakoningest.fetcher.publish;

import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.peakoningest.common.TopicNames;
import org.peakoningest.fetcher.config.ErasureProperties;
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
     * Every data topic, the run-events topic and the erasures topic, compacted: a data topic keeps the latest version
     * of every key forever (a replay rebuilds Mongo), the run-events topic keeps each run's self-contained RunFinished,
     * the erasures topic each erased person's record. Created by the start-up checks once Kafka answers; an existing
     * topic whose settings differ gets them set (Spring's {@code spring.kafka.admin.modify-topic-configs}, Kafka's
     * incrementalAlterConfigs), so an upgrade puts the erasure bound on topics created before it.
     *
     * <p>The settings that bound how long an erased value stays in the log (README, "Personal data"): the cleaner never
     * compacts the active segment, so {@code max.compaction.lag.ms} both makes a log with a record older than it due
     * for compaction whatever its dirty ratio, and (for a compacted topic) caps the age at which the broker rolls the
     * active segment on the next append (its roll time is the smaller of {@code segment.ms} and it); {@code segment.ms}
     * is set to the same value so the roll does not depend on that rule. {@code min.compaction.lag.ms} 0: no record is
     * held back from the cleaner. {@code delete.retention.ms}: how long a tombstone stays after its segment was
     * cleaned, so a consumer that is away that long still sees the deletion.
     */
    @Bean
    KafkaAdmin.NewTopics peakonTopics(TopicNames topics, FetcherProperties props, ErasureProperties erasure) {
        Map<String, String> compacted = compactedTopicConfig(erasure);
        Stream<NewTopic> shared = Stream.concat(topics.dataTopics().stream(), Stream.of(topics.runEventsTopic()))
                .map(name -> TopicBuilder.name(name)
                        .partitions(props.topicPartitions())
                        .replicas(props.topicReplication())
                        .configs(compacted)
                        .build());
        // One partition: a register of one small record per erased person, read whole at the start of every run.
        NewTopic erasures = TopicBuilder.name(topics.erasuresTopic())
                .partitions(1)
                .replicas(props.topicReplication())
                .configs(compacted)
                .build();
        return new KafkaAdmin.NewTopics(
                Stream.concat(shared, Stream.of(erasures)).toArray(NewTopic[]::new));
    }

    /** The settings of every topic the fetcher declares (see {@link #peakonTopics}). */
    static Map<String, String> compactedTopicConfig(ErasureProperties erasure) {
        String maxLag = Long.toString(erasure.maxCompactionLag().toMillis());
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                maxLag,
                TopicConfig.SEGMENT_MS_CONFIG,
                maxLag,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                "0",
                TopicConfig.DELETE_RETENTION_MS_CONFIG,
                Long.toString(erasure.deleteRetention().toMillis()));
    }
}
