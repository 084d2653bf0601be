package org.peakoningest.writer.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.erasure.ErasureRecord;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.KeyPosition;
import org.peakoningest.writer.store.PendingDocument;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One polled batch sorted into what the writer does with each record: documents to write, tombstones (a data
 * record with a null value: its document is deleted), run events to apply, erasures to record, records to dead-letter
 * (unreadable, defective, or not matching their topic or key), and records to ignore (run-event types this version
 * does not know, tombstones on the run-events or erasures topic or under a key that names no document). A tombstone
 * on the erasures topic lifted an erasure before schema version 2; the writer keeps what it knew of the person's
 * erased documents (the register is the fetcher's business, the accounting the writer's).
 *
 * @param poisoned where the dead-lettered data records whose key names a document are: if one is the last record of
 *                 its key, compaction would keep it instead of the stored version (see {@link Republisher})
 */
record IncomingBatch(
        List<PendingDocument> documents,
        List<KeyPosition> tombstones,
        List<RunEvent> runEvents,
        List<ErasureRecord> erasures,
        List<Rejected> poison,
        List<KeyPosition> poisoned,
        int ignored) {

    private static final LogAccessor LOG = new LogAccessor(IncomingBatch.class);

    /**
     * @param now          the writer's clock
     * @param maxClockSkew {@code WRITER_MAX_CLOCK_SKEW}: how far after {@code now} a {@code fetched_at} may be
     */
    static IncomingBatch sort(
            List<? extends ConsumerRecord<?, ?>> records, WriterTopics topics, Instant now, Duration maxClockSkew) {
        Horizon horizon = new Horizon(now.plus(maxClockSkew), maxClockSkew);
        List<PendingDocument> documents = new ArrayList<>();
        List<KeyPosition> tombstones = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        List<ErasureRecord> erasures = new ArrayList<>();
        List<Rejected> poison = new ArrayList<>();
        List<KeyPosition> poisoned = new ArrayList<>();
        int ignored = 0;
        for (ConsumerRecord<?, ?> record : records) {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (unreadable != null) {
                // The dead-letter publisher restores the original bytes and reports this exception (its cause
                // holds the reason) in the headers.
                poison.add(new Rejected(record, unreadable));
                position(record, topics).ifPresent(poisoned::add);
            } else if (record.value() == null) {
                // A tombstone deletes its document; on the run-events topic (or a run-event type this version does
                // not know) there is nothing to delete.
                Optional<KeyPosition> document = position(record, topics);
                if (document.isPresent()) {
                    tombstones.add(document.get());
                } else {
                    ignored++;
                }
            } else if (topics.isRunEvents(record.topic())) {
                if (record.value() instanceof RunEvent event
                        && event.runId() != null
                        && !event.runId().isBlank()) {
                    events.add(event);
                } else {
                    poison.add(new Rejected(record, new InvalidRecordException("run event has no run_id")));
                }
            } else if (topics.isErasures(record.topic())) {
                if (record.value() instanceof ErasureRecord erasure
                        && erasure.employeeHash() != null
                        && Objects.equals(record.key(), ErasureRecord.key(erasure.employeeHash()))) {
                    erasures.add(erasure);
                } else {
                    poison.add(new Rejected(
                            record, new InvalidRecordException("erasure whose employee_hash is not its record key")));
                }
            } else {
                Optional<String> problem = problem(record, topics, horizon);
                if (problem.isPresent()) {
                    poison.add(new Rejected(record, new InvalidRecordException(problem.get())));
                    position(record, topics).ifPresent(poisoned::add);
                } else {
                    DecodedEnvelope envelope = (DecodedEnvelope) record.value();
                    documents.add(DocumentMapper.toPending(
                            envelope,
                            envelope.header().knownCollection().orElseThrow(),
                            record.partition(),
                            record.offset(),
                            record));
                }
            }
        }
        return new IncomingBatch(documents, tombstones, events, erasures, poison, poisoned, ignored);
    }

    /** The document a data record's key names, and where the record is (empty: run events, or a key of no document). */
    private static Optional<KeyPosition> position(ConsumerRecord<?, ?> record, WriterTopics topics) {
        if (topics.isRunEvents(record.topic()) || !(record.key() instanceof String key)) {
            return Optional.empty();
        }
        Optional<PeakonCollection> collection = topics.names().collectionOf(record.topic());
        return collection.flatMap(c -> DocumentKey.fromKafkaKey(key)
                .map(k -> new KeyPosition(c, k.mongoValue(), record.partition(), record.offset())));
    }

    /** The latest {@code fetched_at} a document may carry, and the skew it allows (for the reason). */
    private record Horizon(Instant latest, Duration skew) {}

    private static Optional<String> problem(ConsumerRecord<?, ?> record, WriterTopics topics, Horizon horizon) {
        if (!(record.value() instanceof DecodedEnvelope envelope)) {
            return Optional.of("not a record envelope");
        }
        Optional<String> defect = envelope.defect();
        if (defect.isPresent()) {
            return defect;
        }
        if (!topics.names()
                .collectionOf(record.topic())
                .equals(envelope.header().knownCollection())) {
            return Optional.of(
                    "envelope of collection '" + envelope.header().collection() + "' on topic " + record.topic());
        }
        // Stored, a version from the future would win over every real crawl of its document (never regress).
        Instant fetchedAt = envelope.header().fetchedAt();
        if (fetchedAt.isAfter(horizon.latest())) {
            return Optional.of("fetched_at " + Timestamps.format(fetchedAt) + " is more than " + horizon.skew()
                    + " ahead of the writer's clock (WRITER_MAX_CLOCK_SKEW)");
        }
        // Compaction keeps the last record per record key: a key that is not the document key would let it drop
        // versions of other documents.
        if (!Objects.equals(record.key(), RecordKeys.of(envelope.header().key()))) {
            return Optional.of("record key does not match the envelope key "
                    + RecordKeys.of(envelope.header().key()));
        }
        return Optional.empty();
    }
}
