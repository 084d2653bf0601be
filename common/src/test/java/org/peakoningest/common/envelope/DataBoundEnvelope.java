package org.peakoningest.common.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.peakoningest.common.json.InstantJson;
import org.peakoningest.common.keys.DocumentKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The reference for {@link EnvelopeCodec}: the envelope as Jackson data binding wrote and read it before the codec
 * existed ({@link RecordEnvelope}'s annotations until then, verbatim). The codec must write the same bytes and read
 * every input to the same values, or refuse it with the same message.
 */
@JsonPropertyOrder({
    "schema_version",
    "run_id",
    "collection",
    "endpoint",
    "source_url",
    "fetched_at",
    "key",
    "driver_id",
    "item"
})
record DataBoundEnvelope(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,
        @JsonProperty("collection") String collection,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("source_url") String sourceUrl,

        @JsonProperty("fetched_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant fetchedAt,

        @JsonProperty("key") DocumentKey key,
        @JsonProperty("driver_id") String driverId,
        @JsonProperty("item") JsonNode item) {

    static DataBoundEnvelope of(RecordEnvelope e) {
        return new DataBoundEnvelope(
                e.schemaVersion(),
                e.runId(),
                e.collection(),
                e.endpoint(),
                e.sourceUrl(),
                e.fetchedAt(),
                e.key(),
                e.driverId(),
                e.item());
    }
}
