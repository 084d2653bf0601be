package org.peakoningest.fetcher.erase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads topics from their beginning to the end offsets they had when the scan started: exactly what the topics hold
 * now, the source of truth. No consumer group (nothing is committed, no rebalance), keys and values as the bytes on
 * the log. A topic that does not exist is read as empty and not created.
 */
@Component
class TopicScan {

    /** A scan fails only when the broker stops delivering, not because a topic is large. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaProperties kafka;

    TopicScan(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** Hands every record of {@code topics}, up to their current end, to {@code each}, partition by partition in order. */
    void readToEnd(Collection<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(STALL_TIMEOUT);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                existing.getOrDefault(topic, List.of())
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, STALL_TIMEOUT);
            long lastProgress = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p, STALL_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException(
                            "could not read " + topics + " to its end: nothing arrived for " + STALL_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    lastProgress = System.nanoTime();
                    // Records past the end seen at the start (published meanwhile) are not part of this scan.
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }
}
