package org.peakoningest.fetcher.abandon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunFinished;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Which runs have a RunFinished on the run-events topic, read from its beginning to its end now. The topic, not
 * {@code ingestion_runs}, says whether a run ended: a writer that lags behind (a large backlog, or stopped for a
 * while) still shows a run that ended minutes ago as running, and a RunFinished(abandoned) published for it would
 * replace its real one on the compacted topic. Every fetcher publishes its RunFinished, acknowledged, before it
 * releases the crawl lock, so a run that ended before the lock was found free is seen here.
 *
 * <p>The topic is small (a few events per run, compacted by run id), so it is read whole, without a consumer group.
 */
@Component
class FinishedRuns {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProperties kafka;
    private final String topic;
    private final ContractDeserializer<RunEvent> events = new ContractDeserializer.RunEvents();

    FinishedRuns(KafkaProperties kafka, TopicNames topics) {
        this.kafka = kafka;
        this.topic = topics.runEventsTopic();
    }

    /**
     * Those of {@code runIds} that have a RunFinished, or an event this fetcher cannot read (in doubt, a run is
     * never ended in another fetcher's place). Throws when the topic cannot be read to its end within 30 s.
     */
    Set<String> among(Set<String> runIds) {
        Map<String, String> byKey = new HashMap<>();
        runIds.forEach(id -> byKey.put(RecordKeys.ofRun(id), id));
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Set<String> finished = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, TIMEOUT)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && byKey.containsKey(record.key()) && endsRun(record)) {
                        finished.add(byKey.get(record.key()));
                    }
                }
            }
        }
        return finished;
    }

    private boolean endsRun(ConsumerRecord<String, byte[]> record) {
        try {
            return events.deserialize(record.topic(), record.value()) instanceof RunFinished;
        } catch (SerializationException e) {
            return true; // e.g. a status of a newer fetcher: in doubt, the run is not ours to end
        }
    }
}
