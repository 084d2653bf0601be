package org.peakoningest.common.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.peakoningest.common.Timestamps;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * (De)serialises contract timestamps with {@link Timestamps}, whatever mapper a consumer uses.
 */
public final class InstantJson {

    private InstantJson() {}

    public static final class Serializer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(Timestamps.format(value));
        }
    }

    public static final class Deserializer extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            try {
                return Timestamps.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant) ctxt.handleWeirdStringValue(
                        Instant.class, text, "expected an ISO-8601 instant such as 2026-11-25T14:46:56.123456Z");
            }
        }
    }
}
