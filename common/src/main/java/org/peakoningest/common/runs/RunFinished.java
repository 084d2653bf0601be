package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peakoningest.common.json.InstantJson;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A run ended. Self-contained: it repeats the start time, the sync mode and every collection's stats, so it alone
 * rebuilds the fetch side of an {@code ingestion_runs} document (the run-events topic is compacted by run id).
 *
 * @param collections stats per collection name, in crawl order
 * @param lastError   the last error of the run, credential-free; absent on success
 */
@JsonTypeName(RunFinished.TYPE)
public record RunFinished(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("run_id") String runId,

        @JsonProperty("occurred_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant occurredAt,

        @JsonProperty("started_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant startedAt,

        @JsonProperty("finished_at")
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant finishedAt,

        @JsonProperty("sync_mode") SyncMode syncMode,
        @JsonProperty("status") RunStatus status,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("collections") Map<String, CollectionStats> collections)
        implements RunEvent {

    public static final String TYPE = "run_finished";

    public RunFinished {
        collections = collections == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(collections));
    }

    public static RunFinished of(
            String runId,
            Instant startedAt,
            Instant finishedAt,
            SyncMode mode,
            RunStatus status,
            String lastError,
            Map<String, CollectionStats> collections) {
        return new RunFinished(
                SCHEMA_VERSION, runId, finishedAt, startedAt, finishedAt, mode, status, lastError, collections);
    }
}
