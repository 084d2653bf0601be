package org.peakoningest.writer.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peakoningest.common.kafka.RecordKeys;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.PendingDocument;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One polled batch sorted into what the writer does with each record: documents to write, run events to apply,
 * records to dead-letter (unreadable, defective, or not matching their topic or key), and records to ignore
 * (tombstones and run-event types this version does not know).
 */
record IncomingBatch(List<PendingDocument> documents, List<RunEvent> runEvents, List<Rejected> poison, int ignored) {

    private static final LogAccessor LOG = new LogAccessor(IncomingBatch.class);

    static IncomingBatch sort(List<? extends ConsumerRecord<?, ?>> records, WriterTopics topics) {
        List<PendingDocument> documents = new ArrayList<>();
        List<RunEvent> events = new ArrayList<>();
        List<Rejected> poison = new ArrayList<>();
        int ignored = 0;
        for (ConsumerRecord<?, ?> record : records) {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (unreadable != null) {
                // The dead-letter publisher restores the original bytes and reports this exception (its cause
                // holds the reason) in the headers.
                poison.add(new Rejected(record, unreadable));
            } else if (record.value() == null) {
                ignored++; // a tombstone, or a run-event type this version does not know
            } else if (topics.isRunEvents(record.topic())) {
                if (record.value() instanceof RunEvent event
                        && event.runId() != null
                        && !event.runId().isBlank()) {
                    events.add(event);
                } else {
                    poison.add(new Rejected(record, new InvalidRecordException("run event has no run_id")));
                }
            } else {
                Optional<String> problem = problem(record, topics);
                if (problem.isPresent()) {
                    poison.add(new Rejected(record, new InvalidRecordException(problem.get())));
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
        return new IncomingBatch(documents, events, poison, ignored);
    }

    private static Optional<String> problem(ConsumerRecord<?, ?> record, WriterTopics topics) {
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
        // Compaction keeps the last record per record key: a key that is not the document key would let it drop
        // versions of other documents.
        if (!Objects.equals(record.key(), RecordKeys.of(envelope.header().key()))) {
            return Optional.of("record key does not match the envelope key "
                    + RecordKeys.of(envelope.header().key()));
        }
        return Optional.empty();
    }
}
