package org.peakoningest.writer.consume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.peakoningest.writer.store.KeyPosition;
import org.peakoningest.writer.store.StoredVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The one class of the writer that sends records: dead letters, and stored versions published again
 * ({@link Republisher}).
 *
 * <p><b>Dead letters</b> go to {@code <topic>.DLT} with spring-kafka's {@link DeadLetterPublishingRecoverer}: the original value
 * bytes, unchanged (also for an envelope that was read but cannot be written), plus the headers
 * {@code kafka_dlt-original-topic/-partition/-offset/-timestamp}, {@code kafka_dlt-exception-fqcn},
 * {@code kafka_dlt-exception-message} and {@code kafka_dlt-exception-stacktrace}. Waits for each send. (A replay
 * counts them instead: {@code replay.ReplayDeadLetters}.)
 *
 * <p>A value too large for the dead-letter topic or the producer (a source topic whose {@code max.message.bytes} was
 * raised above the DLT's) is left out: the record goes to the DLT with an empty value, its coordinates and the
 * header {@value #VALUE_OMITTED} (the original size in bytes). Retrying could never publish it, and would block its
 * partition forever; the value stays readable at its coordinates on the source topic.
 *
 * <p><b>A stored version published again</b> goes to the same topic and partition as the record that hid it, under
 * the same record key, with the header {@value #REPUBLISHED_OVER} ({@code <partition>@<offset>} of that record).
 */
@Component
@ConditionalOnProperty(name = "peakon.writer.command", havingValue = "run", matchIfMissing = true)
class KafkaPublisher implements DeadLetters, Republisher {

    static final String VALUE_OMITTED = "peakon_dlt-value-omitted-bytes";
    static final String REPUBLISHED_OVER = "peakon_republished-over";
    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    /** Room for the key, the DLT headers (the reason, a stack trace) and the batch framing next to the value. */
    private static final int HEADROOM = 64 * 1024;

    private final DeadLetterPublishingRecoverer recoverer;
    private final KafkaTemplate<Object, Object> producer;
    private final StoredVersions stored;
    private final WriterTopics topics;
    private final WriterMetrics metrics;
    /** The DLT producer's {@code max.request.size}: a larger record is refused before it is sent. */
    private final int maxRequestSize;

    KafkaPublisher(
            DeadLetterPublishingRecoverer recoverer,
            KafkaTemplate<Object, Object> deadLetterTemplate,
            StoredVersions stored,
            WriterTopics topics,
            WriterMetrics metrics) {
        this.recoverer = recoverer;
        this.producer = deadLetterTemplate;
        this.stored = stored;
        this.topics = topics;
        this.metrics = metrics;
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

    @Override
    public void republish(List<KeyPosition> lastRecords) {
        if (lastRecords.isEmpty()) {
            return;
        }
        List<StoredVersions.Hidden> hidden = stored.hiddenBy(lastRecords);
        List<CompletableFuture<SendResult<Object, Object>>> sends = new ArrayList<>(hidden.size());
        for (StoredVersions.Hidden version : hidden) {
            KeyPosition by = version.hiddenBy();
            ProducerRecord<Object, Object> record = new ProducerRecord<>(
                    topics.names().dataTopic(by.collection()), by.partition(), version.recordKey(), version.envelope());
            record.headers()
                    .add(REPUBLISHED_OVER, (by.partition() + "@" + by.offset()).getBytes(StandardCharsets.UTF_8));
            sends.add(producer.send(record));
        }
        for (int i = 0; i < sends.size(); i++) {
            KeyPosition by = hidden.get(i).hiddenBy();
            String topic = topics.names().dataTopic(by.collection());
            try {
                sends.get(i).join();
                metrics.republished(topic);
                log.info(
                        "{}-{}@{} hid the stored version of its key from compaction; the stored version was published"
                                + " again after it",
                        topic,
                        by.partition(),
                        by.offset());
            } catch (CompletionException e) {
                if (!(rootCause(e) instanceof RecordTooLargeException)) {
                    throw e; // retried with the batch
                }
                // Stored from a topic whose limit was lowered since: retrying can never publish it.
                log.warn(
                        "the stored version hidden by {}-{}@{} is too large to publish again: {}",
                        topic,
                        by.partition(),
                        by.offset(),
                        rootCause(e).toString());
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
