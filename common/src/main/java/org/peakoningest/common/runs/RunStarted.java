package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.peakoningest.common.json.InstantJson;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A run began.
 *
 * @param collections the collection names the run will crawl, in order
 */
@JsonTypeName(RunStarted.TYPE)
public record RunStarted(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,

        @JsonProperty("occurred_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant occurredAt,

        @JsonProperty("sync_mode") SyncMode syncMode,
        @JsonProperty("collections") List<String> collections)
        implements RunEvent {

    public static final String TYPE = "run_started";

    public RunStarted {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    public static RunStarted of(String runId, Instant at, SyncMode mode, List<String> collections) {
        return new RunStarted(SCHEMA_VERSION, runId, at, mode, collections);
    }
}
