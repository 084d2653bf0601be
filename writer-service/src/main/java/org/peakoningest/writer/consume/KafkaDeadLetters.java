package org.peakoningest.writer.consume;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code <topic>.DLT} with spring-kafka's {@link DeadLetterPublishingRecoverer}: the original value
 * bytes, unchanged (also for an envelope that was read but cannot be written), plus the headers
 * {@code kafka_dlt-original-topic/-partition/-offset/-timestamp}, {@code kafka_dlt-exception-fqcn},
 * {@code kafka_dlt-exception-message} and {@code kafka_dlt-exception-stacktrace}. Waits for each send. (A replay
 * counts them instead: {@code replay.ReplayDeadLetters}.)
 *
 * <p>A value too large for the dead-letter topic or the producer (a source topic whose {@code max.message.bytes} was
 * raised above the DLT's) is left out: the record goes to the DLT with an empty value, its coordinates and the
 * header {@value #VALUE_OMITTED} (the original size in bytes). Retrying could never publish it, and would block its
 * partition forever; the value stays readable at its coordinates on the source topic.
 */
@Component
@ConditionalOnProperty(name = "peakon.writer.command", havingValue = "run", matchIfMissing = true)
class KafkaDeadLetters implements DeadLetters {

    static final String VALUE_OMITTED = "peakon_dlt-value-omitted-bytes";
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    /** Room for the key, the DLT headers (the reason, a stack trace) and the batch framing next to the value. */
    private static final int HEADROOM = 64 * 1024;

    private final DeadLetterPublishingRecoverer recoverer;
    /** The DLT producer's {@code max.request.size}: a larger record is refused before it is sent. */
    private final int maxRequestSize;

    KafkaDeadLetters(DeadLetterPublishingRecoverer recoverer, KafkaTemplate<Object, Object> deadLetterTemplate) {
        this.recoverer = recoverer;
        Object configured = deadLetterTemplate
                .getProducerFactory()
                .getConfigurationProperties()
                .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.maxRequestSize = configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.toString());
    }

    @Override
    public void publish(List<Rejected> rejected, Consumer<?, ?> consumer) {
        for (Rejected r : rejected) {
            // The producer refuses an oversized record while sending, and the recoverer then throws without the
            // cause: decide by size first. The topic's own limit (max.message.bytes) is only known from the
            // broker's answer, which keeps its cause.
            if (r.record().serializedValueSize() > maxRequestSize - HEADROOM) {
                recoverer.accept(withoutValue(r.record()), consumer, r.reason());
                continue;
            }
            try {
                recoverer.accept(r.record(), consumer, r.reason());
            } catch (RuntimeException e) {
                if (tooLarge(e).isEmpty()) {
                    throw e;
                }
                recoverer.accept(withoutValue(r.record()), consumer, r.reason());
            }
        }
    }

    private static Optional<RecordTooLargeException> tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    private static ConsumerRecord<?, ?> withoutValue(ConsumerRecord<?, ?> record) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        // The recoverer would restore the original bytes from a deserialization failure's header: drop it too.
        headers.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        headers.add(
                VALUE_OMITTED, Integer.toString(record.serializedValueSize()).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                0,
                record.key(),
                new byte[0],
                headers,
                record.leaderEpoch());
    }
}
