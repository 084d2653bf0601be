package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What the fetcher says about a run, on the run-events topic, keyed by the run id. Three types, in this order per
 * run: {@link RunStarted}, one {@link CollectionFinished} per collection, {@link RunFinished}.
 *
 * <p>{@link RunFinished} repeats everything the others said, so the run-events topic can be compacted by run id and
 * still rebuild {@code ingestion_runs}. A consumer ignores types it does not know (the contract mapper reads them
 * as {@code null}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunStarted.class, name = RunStarted.TYPE),
    @JsonSubTypes.Type(value = CollectionFinished.class, name = CollectionFinished.TYPE),
    @JsonSubTypes.Type(value = RunFinished.class, name = RunFinished.TYPE)
})
public sealed interface RunEvent permits RunStarted, CollectionFinished, RunFinished {

    int SCHEMA_VERSION = 1;

    int schemaVersion();

    String runId();

    /** When the fetcher emitted the event. */
    Instant occurredAt();
}
