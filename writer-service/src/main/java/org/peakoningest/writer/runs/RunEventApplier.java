package org.peakoningest.writer.runs;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.RunEvent;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.SkippedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the fetch side of {@code ingestion_runs} from the run events, idempotently and order-tolerantly:
 * every event only {@code $set}s values that later events repeat (RunFinished is self-contained), and RunStarted
 * cannot undo a RunFinished (its filter excludes finished runs). So redelivery, replay and a compacted run-events
 * topic all converge to the same document.
 */
@Component
public class RunEventApplier {

    private static final Logger log = LoggerFactory.getLogger(RunEventApplier.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase mongo;

    RunEventApplier(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    public void apply(RunEvent event) {
        if (event instanceof RunStarted started) {
            started(started);
        } else if (event instanceof CollectionFinished finished) {
            collectionFinished(finished);
        } else if (event instanceof RunFinished finished) {
            runFinished(finished);
        }
    }

    private void started(RunStarted event) {
        Document set = new Document();
        putTime(set, RunFields.STARTED_AT, event.occurredAt());
        putEnum(set, RunFields.SYNC_MODE, event.syncMode());
        set.put(RunFields.STATUS, RunFields.RUNNING);
        try {
            runs().updateOne(
                            Filters.and(Filters.eq("_id", event.runId()), Filters.exists(RunFields.FINISHED_AT, false)),
                            new Document("$set", set),
                            UPSERT);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The run already finished (a redelivered or replayed RunStarted): nothing to do.
        }
    }

    private void collectionFinished(CollectionFinished event) {
        Document set = new Document();
        putStats(set, event.collection(), event.stats());
        if (!set.isEmpty()) {
            runs().updateOne(Filters.eq("_id", event.runId()), new Document("$set", set), UPSERT);
        }
    }

    private void runFinished(RunFinished event) {
        Document set = new Document();
        putTime(set, RunFields.STARTED_AT, event.startedAt());
        putTime(set, RunFields.FINISHED_AT, event.finishedAt());
        putEnum(set, RunFields.SYNC_MODE, event.syncMode());
        if (event.status() != null) {
            // The contract's value ("abandoned" for a run another fetcher ended), what readers filter on.
            set.put(RunFields.STATUS, event.status().value());
        }
        if (event.lastError() != null) {
            set.put(RunFields.LAST_ERROR, event.lastError());
        }
        event.collections().forEach((collection, stats) -> putStats(set, collection, stats));
        runs().updateOne(Filters.eq("_id", event.runId()), new Document("$set", set), UPSERT);
        log.info(
                "run {} finished fetching: status {}, published {}",
                event.runId(),
                set.get(RunFields.STATUS),
                publishedSummary(event.collections()));
    }

    private static void putStats(Document set, String collection, CollectionStats stats) {
        if (collection == null
                || collection.isBlank()
                || collection.contains(".")
                || collection.startsWith("$")
                || stats == null) {
            return;
        }
        String prefix = RunFields.COLLECTIONS + "." + collection + ".";
        putEnum(set, prefix + RunFields.STATUS, stats.status());
        set.put(prefix + RunFields.PUBLISHED, stats.published());
        if (stats.distinctKeys() != null) {
            set.put(prefix + RunFields.DISTINCT_KEYS, stats.distinctKeys());
        }
        if (stats.erased() != null) {
            // Items of erased people the fetcher did not publish (issue #14): reported apart from published/landed.
            set.put(prefix + RunFields.ERASED, stats.erased());
        }
        set.put(prefix + RunFields.PAGES, stats.pages());
        set.put(prefix + RunFields.SKIPPED, skipped(stats.skipped()));
        if (stats.error() != null) {
            set.put(prefix + RunFields.ERROR, stats.error());
        }
        // Only what the event says: an event of an older fetcher (or an abandoned run's RunFinished, copied from this
        // document) leaves what an earlier event of the run recorded.
        if (stats.completeSnapshot() != null) {
            set.put(prefix + RunFields.COMPLETE_SNAPSHOT, stats.completeSnapshot());
        }
        if (stats.expected() != null) {
            set.put(prefix + RunFields.EXPECTED, stats.expected());
        }
        if (stats.erased() != null) {
            set.put(prefix + RunFields.ERASED, stats.erased());
        }
    }

    private static List<Document> skipped(List<SkippedRequest> skipped) {
        return skipped.stream()
                .map(s -> {
                    Document d = new Document();
                    if (s.context() != null) {
                        d.put("context", s.context());
                    }
                    d.put("status", s.status());
                    if (s.reason() != null) {
                        d.put("reason", s.reason());
                    }
                    return d;
                })
                .toList();
    }

    private static void putTime(Document set, String field, Instant value) {
        if (value != null) {
            set.put(field, Timestamps.format(value));
        }
    }

    private static void putEnum(Document set, String field, Enum<?> value) {
        if (value != null) {
            set.put(field, value.name().toLowerCase(Locale.ROOT));
        }
    }

    private static String publishedSummary(Map<String, CollectionStats> collections) {
        return collections.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + (e.getValue() == null ? 0 : e.getValue().published()))
                .collect(Collectors.joining(", "));
    }

    private MongoCollection<Document> runs() {
        return mongo.getCollection(MongoCollections.INGESTION_RUNS);
    }
}
