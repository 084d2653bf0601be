package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.peakoningest.common.json.InstantJson;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The fetcher is done with one collection of a run: every record it counts in {@code stats.published} has been
 * acknowledged by Kafka before this event is sent.
 */
@JsonTypeName(CollectionFinished.TYPE)
public record CollectionFinished(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,

        @JsonProperty("occurred_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant occurredAt,

        @JsonProperty("collection") String collection,
        @JsonProperty("stats") CollectionStats stats)
        implements RunEvent {

    public static final String TYPE = "collection_finished";

    public static CollectionFinished of(String runId, Instant at, String collection, CollectionStats stats) {
        return new CollectionFinished(SCHEMA_VERSION, runId, at, collection, stats);
    }
}
