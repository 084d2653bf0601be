package org.peakoningest.fetcher.abandon;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.SyncMode;

/**
 * A run that {@code ingestion_runs} shows {@code running}: what the writer projected from its RunStarted and
 * CollectionFinished events, all that an abandoning RunFinished must repeat (it is self-contained).
 *
 * @param collections the stats of the collections its fetcher finished, in the stored order
 */
record RunningRun(String runId, Instant startedAt, SyncMode syncMode, Map<String, CollectionStats> collections) {

    RunningRun {
        collections = Collections.unmodifiableMap(new LinkedHashMap<>(collections));
    }
}
