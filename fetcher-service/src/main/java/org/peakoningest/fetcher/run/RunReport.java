package org.peakoningest.fetcher.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;

/**
 * The outcome of one run, as printed at the end of {@code ingest} and shown by the health/info endpoints. Its status
 * is success, partial or failed; {@code abandoned} is only ever published for another fetcher's run (see
 * {@code abandon.Abandonment}), but is reported like failed wherever a report shows one.
 */
public record RunReport(
        String runId,
        SyncMode mode,
        boolean dryRun,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        String lastError,
        Map<String, CollectionStats> collections) {

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
