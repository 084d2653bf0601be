package org.peakoningest.writer.runs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.writer.config.WriterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code landed}, {@code counts} and {@code landing_status} of {@code ingestion_runs} exact by recounting, not
 * by incrementing: landed = the documents currently carrying the run id, one {@code $group} by {@code run_id} per
 * data collection. A count cannot drift under redelivery, restarts, replay or a newer run taking documents over. It
 * only updates run documents the run events created, never creates one. The same pass records the run-level
 * {@code warnings} ({@link RunWarnings}) and then reconciles who has left ({@link Departures}), which depends on the
 * landed counts: both are functions of what is stored, so they are recomputed the same way.
 *
 * <p>Recounting after every batch would scan the collections continuously, so it is debounced: after something was
 * written, at most every {@code runsRecountInterval} while records keep coming, and one second after they stop
 * (and once more on shutdown). The last recount after the last write is therefore exact. While records keep coming,
 * recounts are also spaced by at least {@value #SPACING} times the last one's duration, so a slow count (a large
 * collection without a usable {@code run_id} index, e.g. on mongo-java-server: ~1.4 s per 200k documents) takes at
 * most about a sixth of the database's time away from the writes.
 */
@Component
public class LandedReconciler {

    private static final Logger log = LoggerFactory.getLogger(LandedReconciler.class);
    private static final long IDLE_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int SPACING = 5;

    private final MongoDatabase mongo;
    private final Departures departures;
    private final RunWarnings warnings;
    private final ErasureLedger erasures;
    private final long intervalNanos;
    // Dirty from the start: a restarted writer recounts once, fixing counts a crash left behind.
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final ScheduledExecutorService scheduler;
    private volatile long lastTouch = System.nanoTime();
    private volatile long lastRecount = System.nanoTime();
    private volatile long lastRecountNanos;
    private volatile boolean failing;
    private final Set<String> unknownRunsLogged = ConcurrentHashMap.newKeySet();

    LandedReconciler(
            MongoDatabase mongo,
            Departures departures,
            RunWarnings warnings,
            ErasureLedger erasures,
            WriterProperties properties) {
        this.mongo = mongo;
        this.departures = departures;
        this.warnings = warnings;
        this.erasures = erasures;
        this.intervalNanos = properties.runsRecountInterval().toNanos();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "landed-recount");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Something was written (documents or run events): a recount is due. */
    public void touched() {
        lastTouch = System.nanoTime();
        dirty.set(true);
    }

    private void tick() {
        long now = System.nanoTime();
        long spacing = Math.max(intervalNanos, SPACING * lastRecountNanos);
        if (dirty.get() && (now - lastTouch >= IDLE_NANOS || now - lastRecount >= spacing)) {
            try {
                recount();
                if (failing) {
                    log.info("landed counts recounted again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                dirty.set(true);
                if (!failing) {
                    log.warn("cannot recount landed documents, will retry: {}", e.toString());
                    failing = true;
                }
            }
        }
    }

    /** Recounts every run now. */
    public synchronized void recount() {
        dirty.set(false);
        long started = System.nanoTime();
        lastRecount = started;
        Map<String, Map<String, Long>> landed = countByRun();
        Map<String, Map<String, Long>> erased = erasures.erasedByRun();
        // What decides a landing: documents erased on request after they landed count as landed for their run.
        Map<String, Map<String, Long>> landedOrErased = plus(landed, erased);
        MongoCollection<Document> runs = mongo.getCollection(MongoCollections.INGESTION_RUNS);
        Map<String, Document> stored = new LinkedHashMap<>();
        for (Document run : runs.find()) {
            stored.put(String.valueOf(run.get("_id")), run);
        }
        // Only runs the run events created are recounted: documents whose run_id has no run event yet (its events
        // are behind on another partition, or lost) must not make a run of counts alone, which browse would list.
        // Their counts are attached when the run's first event creates its document: that batch marks the counts
        // dirty after it wrote, so a recount follows that sees the document.
        logUnknownRuns(landed.keySet(), stored.keySet());
        for (Map.Entry<String, Document> entry : stored.entrySet()) {
            String runId = entry.getKey();
            Document run = entry.getValue();
            Document set = changes(runId, run, landed, erased, landedOrErased, stored.values());
            Document unset = new Document();
            List<?> before = run.getList(RunFields.WARNINGS, Object.class, List.of());
            List<RunWarnings.Warning> now = RunWarnings.of(run);
            RunWarnings.putChanges(before, now, set, unset);
            if (!set.isEmpty() || !unset.isEmpty()) {
                Document update = new Document();
                if (!set.isEmpty()) {
                    update.put("$set", set);
                }
                if (!unset.isEmpty()) {
                    update.put("$unset", unset);
                }
                runs.updateOne(Filters.eq("_id", runId), update);
                warnings.recorded(runId, before, now);
                if (set.containsKey(RunFields.LANDING_STATUS)) {
                    logSummary(
                            runId, run, landed.getOrDefault(runId, Map.of()), set.getString(RunFields.LANDING_STATUS));
                }
            }
        }
        // After the landed counts: which runs' employees have landed is what decides who left.
        departures.reconcile(stored.values(), landedOrErased);
        lastRecountNanos = System.nanoTime() - started;
    }

    /** Once per run id: documents landed for a run no run event announced (yet). */
    private void logUnknownRuns(Set<String> landedRuns, Set<String> storedRuns) {
        for (String runId : landedRuns) {
            if (!storedRuns.contains(runId) && unknownRunsLogged.add(runId)) {
                log.info(
                        "documents of run {} landed, but no run event of it has arrived: it is not in ingestion_runs"
                                + " until one does, then its landed counts are attached",
                        runId);
            }
        }
    }

    private Map<String, Map<String, Long>> countByRun() {
        Map<String, Map<String, Long>> landed = new HashMap<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            List<Document> groups = mongo.getCollection(collection.collectionName())
                    .aggregate(List.of(Aggregates.group("$" + DocumentFields.RUN_ID, Accumulators.sum("n", 1))))
                    .into(new ArrayList<>());
            for (Document group : groups) {
                if (group.get("_id") instanceof String runId && group.get("n") instanceof Number n) {
                    landed.computeIfAbsent(runId, r -> new HashMap<>()).put(collection.collectionName(), n.longValue());
                }
            }
        }
        return landed;
    }

    /** Per run and collection, {@code a + b}. */
    static Map<String, Map<String, Long>> plus(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> sum = new HashMap<>();
        for (Map<String, Map<String, Long>> counts : List.of(a, b)) {
            counts.forEach((run, byCollection) -> byCollection.forEach((collection, n) ->
                    sum.computeIfAbsent(run, r -> new HashMap<>()).merge(collection, n, Long::sum)));
        }
        return sum;
    }

    /** The {@code $set} that brings a run's landed fields to the recounted values; empty when they already are. */
    private static Document changes(
            String runId,
            Document run,
            Map<String, Map<String, Long>> landed,
            Map<String, Map<String, Long>> erased,
            Map<String, Map<String, Long>> landedOrErased,
            java.util.Collection<Document> allRuns) {
        Document set = new Document();
        Map<String, Long> counts = landed.getOrDefault(runId, Map.of());
        Map<String, Long> erasedCounts = erased.getOrDefault(runId, Map.of());
        for (PeakonCollection collection : PeakonCollection.values()) {
            String name = collection.collectionName();
            long target = counts.getOrDefault(name, 0L);
            if (!sameCount(
                    run.getEmbedded(List.of(RunFields.COLLECTIONS, name, RunFields.LANDED), Object.class), target)) {
                set.put(RunFields.COLLECTIONS + "." + name + "." + RunFields.LANDED, target);
            }
            if (!sameCount(run.getEmbedded(List.of(RunFields.COUNTS, name), Object.class), target)) {
                set.put(RunFields.COUNTS + "." + name, target);
            }
            // Only where an erasure deleted documents of the run: most runs never carry the field.
            Long erasedCount = erasedCounts.get(name);
            if (erasedCount != null
                    && !sameCount(
                            run.getEmbedded(
                                    List.of(RunFields.COLLECTIONS, name, RunFields.ERASED_AFTER_LANDING), Object.class),
                            erasedCount)) {
                set.put(RunFields.COLLECTIONS + "." + name + "." + RunFields.ERASED_AFTER_LANDING, erasedCount);
            }
        }
        String status = LandingStatus.of(runId, run, landedOrErased, allRuns);
        if (!Objects.equals(run.getString(RunFields.LANDING_STATUS), status)) {
            set.put(RunFields.LANDING_STATUS, status);
        }
        return set;
    }

    private static boolean sameCount(Object stored, long target) {
        return stored instanceof Long value && value == target;
    }

    private static void logSummary(String runId, Document run, Map<String, Long> landed, String landingStatus) {
        StringBuilder detail = new StringBuilder();
        for (PeakonCollection collection : PeakonCollection.values()) {
            String name = collection.collectionName();
            Object published = run.getEmbedded(List.of(RunFields.COLLECTIONS, name, RunFields.PUBLISHED), Object.class);
            long count = landed.getOrDefault(name, 0L);
            if (published == null && count == 0) {
                continue;
            }
            detail.append(detail.isEmpty() ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append(count)
                    .append('/')
                    .append(published == null ? "?" : published);
        }
        log.info(
                "run {}: fetch {}, landing {} (landed/published: {})",
                runId,
                Objects.requireNonNullElse(run.getString(RunFields.STATUS), "unknown"),
                landingStatus,
                detail);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        if (dirty.get()) {
            try {
                recount();
            } catch (RuntimeException e) {
                log.warn("final recount of landed documents failed; the next start recounts: {}", e.toString());
            }
        }
    }
}
