package org.peakoningest.common.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.core.JacksonException;

/**
 * Kafka serializer for contract values ({@link org.peakoningest.common.envelope.RecordEnvelope},
 * {@link org.peakoningest.common.runs.RunEvent}): UTF-8 JSON written by {@link ContractJson}.
 */
public class ContractSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return ContractJson.mapper().writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " for " + topic, e);
        }
    }
}
