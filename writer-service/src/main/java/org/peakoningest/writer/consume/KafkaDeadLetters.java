package org.peakoningest.writer.consume;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code <topic>.DLT} with spring-kafka's {@link DeadLetterPublishingRecoverer}: the original value
 * bytes, unchanged (also for an envelope that was read but cannot be written), plus the headers
 * {@code kafka_dlt-original-topic/-partition/-offset/-timestamp}, {@code kafka_dlt-exception-fqcn},
 * {@code kafka_dlt-exception-message} and {@code kafka_dlt-exception-stacktrace}. Waits for each send. (A replay
 * counts them instead: {@code replay.ReplayDeadLetters}.)
 */
@Component
@ConditionalOnProperty(name = "peakon.writer.command", havingValue = "run", matchIfMissing = true)
class KafkaDeadLetters implements DeadLetters {

    private final DeadLetterPublishingRecoverer recoverer;

    KafkaDeadLetters(DeadLetterPublishingRecoverer recoverer) {
        this.recoverer = recoverer;
    }

    @Override
    public void publish(List<Rejected> rejected, Consumer<?, ?> consumer) {
        for (Rejected r : rejected) {
            recoverer.accept(r.record(), consumer, r.reason());
        }
    }
}
