package org.peakoningest.writer.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.servicesupport.logging.RunIdLogging;
import org.peakoningest.writer.alerts.WriterAlerts;
import org.peakoningest.writer.config.WriterProperties;
import org.peakoningest.writer.health.WriteHealth;
import org.peakoningest.writer.runs.ErasureLedger;
import org.peakoningest.writer.runs.LandedReconciler;
import org.peakoningest.writer.runs.RunEventApplier;
import org.peakoningest.writer.store.BulkDocumentWriter;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.KeyPosition;
import org.peakoningest.writer.store.PendingDocument;
import org.peakoningest.writer.store.StoreResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The writer: one batch listener on every data topic, the run-events topic and the erasures topic. Offsets are committed by the
 * container after this method returns (AckMode BATCH), i.e. only after Mongo acknowledged every write of the batch.
 * When Mongo is unavailable the method throws, and the error handler retries the same batch with backoff, forever,
 * without committing (see {@code KafkaConfig}).
 */
@Component
public class WriterListener {

    public static final String ID = "writer";
    private static final Logger log = LoggerFactory.getLogger(WriterListener.class);

    private final WriterTopics topics;
    private final BulkDocumentWriter documents;
    private final RunEventApplier runEvents;
    private final ErasureLedger erasures;
    private final DeadLetters deadLetters;
    private final Republisher republisher;
    private final LandedReconciler landed;
    private final WriteHealth health;
    private final WriterMetrics metrics;
    private final List<BatchObserver> observers;
    private final WriterAlerts alerts;
    private final Duration maxClockSkew;

    public WriterListener(
            WriterTopics topics,
            BulkDocumentWriter documents,
            RunEventApplier runEvents,
            ErasureLedger erasures,
            DeadLetters deadLetters,
            Republisher republisher,
            LandedReconciler landed,
            WriteHealth health,
            WriterMetrics metrics,
            List<BatchObserver> observers,
            WriterAlerts alerts,
            WriterProperties properties) {
        this.topics = topics;
        this.documents = documents;
        this.runEvents = runEvents;
        this.erasures = erasures;
        this.deadLetters = deadLetters;
        this.republisher = republisher;
        this.landed = landed;
        this.health = health;
        this.metrics = metrics;
        this.observers = observers;
        this.alerts = alerts;
        this.maxClockSkew = properties.maxClockSkew();
    }

    @KafkaListener(
            id = ID,
            topics = "#{@writerTopics.subscribed()}",
            groupId = "${peakon.writer.group-id}",
            concurrency = "${peakon.writer.concurrency}",
            batch = "true",
            autoStartup = "${peakon.writer.auto-startup:true}")
    public void onBatch(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
        // The batch's lines carry the run ids of its records: usually one (a crawl publishes one run at a time),
        // several joined by commas when a batch spans runs; none when no record could be read.
        Set<String> runIds = runIdsOf(records);
        if (runIds.isEmpty()) {
            write(records, consumer);
        } else {
            try (var mdc = RunIdLogging.of(runIds)) {
                write(records, consumer);
            }
        }
    }

    private void write(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
        long start = System.nanoTime();
        IncomingBatch batch = IncomingBatch.sort(records, topics, Instant.now(), maxClockSkew);

        StoreResult stored = writeToMongo(batch);
        Instant acknowledged = Instant.now();

        List<Rejected> rejected = new ArrayList<>(batch.poison());
        List<KeyPosition> lastRecords = new ArrayList<>(batch.poisoned());
        lastRecords.addAll(stored.shadowed());
        for (StoreResult.Rejection r : stored.rejected()) {
            rejected.add(
                    new Rejected((ConsumerRecord<?, ?>) r.version().source(), new InvalidRecordException(r.reason())));
            PendingDocument version = r.version();
            lastRecords.add(new KeyPosition(version.collection(), version.id(), version.partition(), version.offset()));
        }
        try {
            deadLetters.publish(rejected, consumer);
            republisher.republish(lastRecords);
        } catch (RuntimeException e) {
            // Retried with the whole batch (the Mongo writes are idempotent); nothing is committed meanwhile.
            log.warn(
                    "cannot publish {} dead letter(s) or the stored versions they hide; the batch is retried: {}",
                    rejected.size(),
                    e.toString());
            metrics.batchFailed();
            throw e;
        }

        landed.touched();
        record(records.size(), batch, stored, rejected, acknowledged);
        observers.forEach(o -> o.batchWritten(consumer));
        if (log.isDebugEnabled()) {
            log.debug(
                    "batch of {} records: {} written, {} stale, {} deleted, {} run events, {} dead-lettered, {} ignored"
                            + " in {} ms",
                    records.size(),
                    stored.written(),
                    stored.stale(),
                    stored.deleted().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum(),
                    batch.runEvents().size(),
                    rejected.size(),
                    batch.ignored(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Every Mongo write of the batch; throws (retry the batch, commit nothing) when Mongo is unavailable. */
    private StoreResult writeToMongo(IncomingBatch batch) {
        try {
            StoreResult stored = documents.write(batch.documents(), batch.tombstones());
            for (RunEvent event : batch.runEvents()) {
                runEvents.apply(event);
            }
            erasures.record(batch.erasures());
            if (health.isFailing()) {
                log.info("MongoDB accepts writes again; resuming");
            }
            health.succeeded();
            return stored;
        } catch (RuntimeException e) {
            if (!health.isFailing()) {
                log.warn(
                        "MongoDB write failed; the batch is retried with backoff and nothing is committed until it"
                                + " succeeds: {}",
                        e.toString());
            }
            health.failed(e);
            metrics.batchFailed();
            throw e;
        }
    }

    /** The runs of the records that could be read (a data envelope's {@code run_id}, a run event's). */
    private static Set<String> runIdsOf(List<ConsumerRecord<String, Object>> records) {
        Set<String> ids = new TreeSet<>();
        for (ConsumerRecord<String, Object> record : records) {
            String id = runIdOf(record);
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String runIdOf(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof DecodedEnvelope envelope) {
            return envelope.header().runId();
        }
        return record.value() instanceof RunEvent event ? event.runId() : null;
    }

    /** Our own reasons are data-free; a parser's message may quote the record, so only its type is logged. */
    private static String describe(Exception reason) {
        return reason instanceof InvalidRecordException
                ? reason.getMessage()
                : reason.getClass().getSimpleName() + " (details in the dead-letter headers)";
    }

    private void record(
            int size, IncomingBatch batch, StoreResult stored, List<Rejected> rejected, Instant acknowledged) {
        metrics.batch(size);
        metrics.stored(stored);
        metrics.landed(batch.documents(), stored.rejected(), acknowledged);
        metrics.ignored(batch.ignored());
        List<WriterAlerts.DeadLetter> letters = new ArrayList<>();
        for (Rejected r : rejected) {
            metrics.deadLettered(r.record().topic());
            log.warn(
                    "record {}-{}@{} cannot be written: {}",
                    r.record().topic(),
                    r.record().partition(),
                    r.record().offset(),
                    describe(r.reason()));
            letters.add(new WriterAlerts.DeadLetter(r.record().topic(), runIdOf(r.record()), describe(r.reason())));
        }
        alerts.deadLettered(letters);
    }
}
