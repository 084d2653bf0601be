package org.peakoningest.fetcher.run;

import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunStarted;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The writer's projection of RunStarted and CollectionFinished into {@code ingestion_runs} (writer-service's
 * {@code RunEventApplier}, by common's {@link RunFields}), for the fetcher's tests, which run without a writer:
 * started_at, sync_mode, status running, and the stats of every finished collection.
 */
final class WriterProjection {

    private WriterProjection() {}

    static void apply(MongoTemplate mongo, List<RunEvent> events) {
        for (RunEvent event : events) {
            Document set = new Document();
            if (event instanceof RunStarted started) {
                set.append(RunFields.STARTED_AT, Timestamps.format(started.occurredAt()))
                        .append(RunFields.SYNC_MODE, lowerCase(started.syncMode()))
                        .append(RunFields.STATUS, RunFields.RUNNING);
            } else if (event instanceof CollectionFinished finished) {
                putStats(set, RunFields.COLLECTIONS + "." + finished.collection() + ".", finished.stats());
            } else {
                continue;
            }
            mongo.getCollection(MongoCollections.INGESTION_RUNS)
                    .updateOne(
                            new Document("_id", event.runId()),
                            new Document("$set", set),
                            new UpdateOptions().upsert(true));
        }
    }

    private static void putStats(Document set, String prefix, CollectionStats stats) {
        set.append(prefix + RunFields.STATUS, lowerCase(stats.status()))
                .append(prefix + RunFields.PUBLISHED, stats.published())
                .append(prefix + RunFields.PAGES, stats.pages())
                .append(
                        prefix + RunFields.SKIPPED,
                        stats.skipped().stream()
                                .map(s -> new Document("context", s.context())
                                        .append("status", s.status())
                                        .append("reason", s.reason()))
                                .toList());
        if (stats.distinctKeys() != null) {
            set.append(prefix + RunFields.DISTINCT_KEYS, stats.distinctKeys());
        }
        if (stats.error() != null) {
            set.append(prefix + RunFields.ERROR, stats.error());
        }
        if (stats.completeSnapshot() != null) {
            set.append(prefix + RunFields.COMPLETE_SNAPSHOT, stats.completeSnapshot());
        }
        if (stats.expected() != null) {
            set.append(prefix + RunFields.EXPECTED, stats.expected());
        }
        if (stats.erased() != null) {
            set.append(prefix + RunFields.ERASED, stats.erased());
        }
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
