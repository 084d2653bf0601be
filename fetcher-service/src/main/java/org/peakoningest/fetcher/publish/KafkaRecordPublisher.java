package org.peakoningest.fetcher.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.kafka.ContractSerializer;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that builds producer records: data envelopes keyed by their document key on the collection's
 * topic, run events keyed by run id on the run-events topic, and an erasure's tombstones and register records.
 * Counts acknowledgements, not sends, so a collection's {@code published} is exactly what landed on its topic.
 *
 * <p>Values travel as bytes (the producer's value serializer is {@code ByteArraySerializer}): envelopes arrive
 * encoded ({@link org.peakoningest.common.envelope.EnvelopeCodec}), run events are written here by
 * {@link ContractSerializer}, the contract's serializer.
 */
@Component
class KafkaRecordPublisher implements RecordPublisher, ErasurePublisher {

    /** Longer than the producer's delivery timeout (120 s), so a slow acknowledgement is not mistaken for a loss. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(150);

    private final ContractSerializer<RunEvent> runEvents = new ContractSerializer<>();
    private final KafkaTemplate<String, byte[]> template;
    private final TopicNames topics;

    KafkaRecordPublisher(KafkaTemplate<String, byte[]> template, TopicNames topics) {
        this.template = template;
        this.topics = topics;
    }

    @Override
    public Batch open(PeakonCollection collection) {
        return new KafkaBatch(topics.dataTopic(collection));
    }

    @Override
    public void publish(RunEvent event) {
        try {
            String topic = topics.runEventsTopic();
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, RecordKeys.ofRun(event.runId()), runEvents.serialize(topic, event));
            var sent = template.send(record);
            template.flush(); // an event is alone: do not let it wait out linger.ms
            sent.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing a run event", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishException(
                    "Kafka did not acknowledge the run event on " + topics.runEventsTopic() + ": " + cause, cause);
        }
    }

    /**
     * Sent to the producer itself ({@link KafkaTemplate#execute}), not through {@link KafkaTemplate#send}: the
     * template's listener logs a failed record with its key, and these keys are the erased person's ids.
     */
    @Override
    public long tombstones(String topic, List<PartitionKey> keys) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (PartitionKey key : keys) {
            ProducerRecord<String, byte[]> tombstone = new ProducerRecord<>(topic, key.partition(), key.key(), null);
            sent.add(template.execute(producer -> producer.send(tombstone)));
        }
        template.flush();
        for (Future<RecordMetadata> one : sent) {
            await(one, "a tombstone on " + topic);
        }
        return sent.size();
    }

    @Override
    public void erasure(String key, byte[] value) {
        String topic = topics.erasuresTopic();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        Future<RecordMetadata> sent = template.execute(producer -> producer.send(record));
        template.flush();
        await(sent, (value == null ? "the lifting tombstone" : "the erasure record") + " on " + topic);
    }

    private static void await(Future<?> sent, String what) {
        try {
            sent.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishException("Kafka did not acknowledge " + what + ": " + cause, cause);
        }
    }

    /**
     * Counts sends and their outcomes instead of keeping the send futures: a future holds its record (and the
     * envelope's bytes) until it is dropped, so keeping a page's futures would keep the whole page in memory.
     *
     * <p>For the same reason records go to the producer itself ({@link KafkaTemplate#execute}), not through
     * {@link KafkaTemplate#send}: the template's completion callback holds the record, so every envelope not yet
     * acknowledged would stay on the heap next to its compressed copy in the producer's batch (with a fast
     * reader, up to a whole page). The producer copies the value into its batch during {@code send}; the callback
     * here keeps only the key.
     */
    private final class KafkaBatch implements Batch {

        private final String topic;
        private final Object lock = new Object();
        private long sent;
        private long completed;
        private long acknowledged;
        private final DistinctKeys distinct = new DistinctKeys();
        private Throwable firstFailure;

        KafkaBatch(String topic) {
            this.topic = topic;
        }

        @Override
        public void publish(DocumentKey key, byte[] envelope) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, RecordKeys.of(key), envelope);
            synchronized (lock) {
                sent++;
            }
            try {
                template.execute(producer -> producer.send(record, (metadata, failure) -> completed(key, failure)));
            } catch (RuntimeException e) {
                // e.g. a serialization failure or a closed producer: thrown before the record was queued
                completed(key, e);
            }
        }

        private void completed(DocumentKey key, Throwable failure) {
            synchronized (lock) {
                completed++;
                if (failure == null) {
                    acknowledged++;
                    distinct.add(key);
                } else if (firstFailure == null) {
                    firstFailure = failure;
                }
                lock.notifyAll();
            }
        }

        @Override
        public long awaitAcknowledged() {
            template.flush();
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            synchronized (lock) {
                while (completed < sent) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new PublishException(
                                "Kafka did not acknowledge " + (sent - completed) + " records on " + topic + " within "
                                        + ACK_TIMEOUT.toSeconds() + " s",
                                null);
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new PublishException("interrupted while waiting for Kafka acknowledgements", e);
                    }
                }
                if (firstFailure != null) {
                    Throwable cause = firstFailure.getCause() != null ? firstFailure.getCause() : firstFailure;
                    throw new PublishException(
                            "Kafka rejected a record on " + topic + ": "
                                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                            firstFailure);
                }
                return acknowledged;
            }
        }

        @Override
        public long acknowledged() {
            synchronized (lock) {
                return acknowledged;
            }
        }

        @Override
        public long distinctKeys() {
            synchronized (lock) {
                return distinct.count();
            }
        }
    }
}
