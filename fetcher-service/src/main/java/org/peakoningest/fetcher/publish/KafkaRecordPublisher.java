package org.peakoningest.fetcher.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.TopicNames;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunEvent;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The one place that builds producer records: data envelopes keyed by their document key on the collection's
 * topic, run events keyed by run id on the run-events topic. Counts acknowledgements, not sends, so a collection's
 * {@code published} is exactly what landed on its topic.
 */
public class KafkaRecordPublisher implements RecordPublisher {

    private final KafkaTemplate<String, Object> template;
    private final TopicNames topics;
    private final Duration ackTimeout;

    public KafkaRecordPublisher(KafkaTemplate<String, Object> template, TopicNames topics, Duration ackTimeout) {
        this.template = template;
        this.topics = topics;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public Batch open(PeakonCollection collection) {
        return new KafkaBatch(topics.dataTopic(collection));
    }

    @Override
    public void publish(RunEvent event) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(topics.runEventsTopic(), RecordKeys.ofRun(event.runId()), event);
        try {
            template.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing a run event", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishException("Kafka did not acknowledge the run event on " + topics.runEventsTopic()
                    + ": " + cause, cause);
        }
    }

    /**
     * Counts sends and their outcomes instead of keeping the send futures: a future holds its record (and the
     * item's tree) until it is dropped, so keeping a page's futures would keep the whole page in memory.
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
        public void publish(RecordEnvelope envelope) {
            ProducerRecord<String, Object> record =
                    new ProducerRecord<>(topic, RecordKeys.of(envelope.key()), envelope);
            synchronized (lock) {
                sent++;
            }
            DocumentKey key = envelope.key(); // the callback keeps only the key, not the envelope
            try {
                template.send(record).whenComplete((result, failure) -> completed(key, failure));
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
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            synchronized (lock) {
                while (completed < sent) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new PublishException("Kafka did not acknowledge " + (sent - completed)
                                + " records on " + topic + " within " + ackTimeout.toSeconds() + " s", null);
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
                    throw new PublishException("Kafka rejected a record on " + topic + ": "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage(), firstFailure);
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
