package org.peakoningest.common.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.erasure.ErasureRecord;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.runs.RunEvent;
import tools.jackson.core.JacksonException;

/**
 * Kafka deserializer for contract values; unknown fields are ignored. Throws {@link SerializationException} for
 * bytes that are not the expected JSON, so a consumer can wrap it (e.g. in spring-kafka's
 * {@code ErrorHandlingDeserializer}) and dead-letter the record instead of stopping.
 */
public class ContractDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    public ContractDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return ContractJson.mapper().readValue(data, type);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "not a valid " + type.getSimpleName() + " on " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@link RecordEnvelope}s; has a no-argument constructor for {@code value.deserializer} config. */
    public static class Envelopes extends ContractDeserializer<RecordEnvelope> {
        public Envelopes() {
            super(RecordEnvelope.class);
        }
    }

    /** Reads {@link RunEvent}s; an event type this version does not know is read as {@code null}. */
    public static class RunEvents extends ContractDeserializer<RunEvent> {
        public RunEvents() {
            super(RunEvent.class);
        }
    }

    /** Reads {@link ErasureRecord}s (the erasures topic). */
    public static class Erasures extends ContractDeserializer<ErasureRecord> {
        public Erasures() {
            super(ErasureRecord.class);
        }
    }
}
