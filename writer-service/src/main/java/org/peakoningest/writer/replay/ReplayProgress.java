package org.peakoningest.writer.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.peakoningest.writer.consume.BatchObserver;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * Where the replay's consumers are: the consumer position of every assigned partition after each written batch
 * and whenever a consumer is idle. Positions (not last offsets) so compaction gaps and transaction markers at the
 * end of a partition do not keep the replay waiting.
 */
@Component
@ReplayCommand
class ReplayProgress implements BatchObserver {

    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    @Override
    public void batchWritten(Consumer<?, ?> consumer) {
        capture(consumer);
    }

    @EventListener
    void idle(ListenerContainerIdleEvent event) {
        if (event.getConsumer() != null) {
            capture(event.getConsumer());
        }
    }

    private void capture(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            try {
                positions.put(partition, consumer.position(partition));
            } catch (RuntimeException e) {
                // being revoked or not yet positioned: the next batch or idle event will tell
            }
        }
    }

    /** Whether every partition that had records at the start has been read up to its end offset. */
    boolean reached(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(e -> e.getValue() <= beginning.getOrDefault(e.getKey(), 0L)
                        || positions.getOrDefault(e.getKey(), Long.MIN_VALUE) >= e.getValue());
    }

    long remaining(Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - positions.getOrDefault(e.getKey(), 0L)))
                .sum();
    }
}
