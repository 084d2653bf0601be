package org.peakoningest.fetcher.abandon;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs {@code ingestion_runs} shows {@code running}. The writer owns that collection (its projection of the run
 * events); the fetcher only reads it, by common's {@link RunFields}, because a compacted run-events topic may keep no
 * more of a dead run than its last CollectionFinished, while the projection holds its start and every collection it
 * finished.
 */
@Component
class RunningRuns {

    private static final Logger log = LoggerFactory.getLogger(RunningRuns.class);

    private final MongoTemplate mongo;

    RunningRuns(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<RunningRun> read() {
        List<RunningRun> running = new ArrayList<>();
        for (Document run : mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .find(Filters.eq(RunFields.STATUS, RunFields.RUNNING))) {
            Optional<RunningRun> read = of(run);
            if (read.isEmpty()) {
                log.warn(
                        "run {} is running in ingestion_runs without a readable started_at and sync_mode (never"
                                + " written by a RunStarted); it cannot be ended as abandoned",
                        run.get("_id"));
            }
            read.ifPresent(running::add);
        }
        return running;
    }

    /**
     * The run as the writer projected it; empty without the start time or the mode, which every RunStarted sets (and
     * a RunFinished must carry).
     */
    static Optional<RunningRun> of(Document run) {
        Optional<Instant> startedAt = instant(run.getString(RunFields.STARTED_AT));
        Optional<SyncMode> mode = syncMode(run.getString(RunFields.SYNC_MODE));
        if (!(run.get("_id") instanceof String runId) || startedAt.isEmpty() || mode.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CollectionStats> collections = new LinkedHashMap<>();
        Document stored = run.get(RunFields.COLLECTIONS, Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> {
                if (value instanceof Document stats) {
                    stats(stats).ifPresent(s -> collections.put(name, s));
                }
            });
        }
        return Optional.of(new RunningRun(runId, startedAt.get(), mode.get(), collections));
    }

    /**
     * The fetcher's stats of one collection, back from their stored form; empty for a collection with none (the
     * writer also stores {@code landed} for collections the run never finished).
     */
    static Optional<CollectionStats> stats(Document stats) {
        Optional<CollectionStatus> status = collectionStatus(stats.getString(RunFields.STATUS));
        if (status.isEmpty() || !(stats.get(RunFields.PUBLISHED) instanceof Number published)) {
            return Optional.empty();
        }
        int pages = stats.get(RunFields.PAGES) instanceof Number n ? n.intValue() : 0;
        Long distinctKeys = stats.get(RunFields.DISTINCT_KEYS) instanceof Number n ? n.longValue() : null;
        List<SkippedRequest> skipped = new ArrayList<>();
        if (stats.get(RunFields.SKIPPED) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Document s) {
                    skipped.add(new SkippedRequest(
                            s.getString("context"),
                            s.get("status") instanceof Number n ? n.intValue() : 0,
                            s.getString("reason")));
                }
            }
        }
        // The snapshot flag and the counts too: after compaction the abandoned RunFinished is all a replay sees of
        // the run, and a complete employees snapshot in it is what lets the writer mark departures again.
        Boolean completeSnapshot = stats.get(RunFields.COMPLETE_SNAPSHOT) instanceof Boolean b ? b : null;
        Long expected = stats.get(RunFields.EXPECTED) instanceof Number n ? n.longValue() : null;
        Long erased = stats.get(RunFields.ERASED) instanceof Number n ? n.longValue() : null;
        return Optional.of(new CollectionStats(
                status.get(),
                published.longValue(),
                pages,
                skipped,
                stats.getString(RunFields.ERROR),
                distinctKeys,
                completeSnapshot,
                expected,
                erased));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Timestamps.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // The writer stores an enum as its lower-case name (RunEventApplier.putEnum).
    private static Optional<SyncMode> syncMode(String value) {
        for (SyncMode mode : SyncMode.values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    private static Optional<CollectionStatus> collectionStatus(String value) {
        for (CollectionStatus status : CollectionStatus.values()) {
            if (status.name().equalsIgnoreCase(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
