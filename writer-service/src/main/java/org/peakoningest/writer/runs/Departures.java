package org.peakoningest.writer.runs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who has left (issue #14): {@code present} and {@code absent_since} on {@code employees}, from the runs whose
 * employees crawl was a complete snapshot. The result is a function of the stored versions and of that set of runs
 * only (docs/writer.md, "Departures"): for a document whose version was fetched at {@code f} by run {@code r},
 * <ul>
 *   <li>if some judging run {@code R ≠ r} started after {@code f}, the person was not in {@code R}: {@code present:
 *       false}, {@code absent_since} = the earliest such {@code R}'s {@code started_at};</li>
 *   <li>else if {@code r} judges, {@code present: true} and no {@code absent_since};</li>
 *   <li>else nothing (no complete snapshot has seen or missed this version: read as present).</li>
 * </ul>
 * A judging run is one whose employees stats say {@code complete_snapshot} with status success, that published at
 * least one employee (an empty "complete" list is more likely Peakon's glitch than everyone leaving), and whose
 * employees landing is decided: every document of the run landed, or a later run's versions replaced the missing
 * ones (the recount's own rule).
 *
 * <p>Like the landed counts, this is reconciled, not applied once: every recount (after any write) runs the passes of
 * every judging run again. Their filters select only documents whose fields differ from the function above, so a
 * pass with nothing to do modifies nothing, and the result is the same whatever the order of the passes, the order
 * the versions arrived in, or how many writers run them: {@code absent_since} only ever goes down ({@code $min}), a
 * newer version replaces the whole document (dropping both fields) and the next recount judges it again.
 */
@Component
class Departures {

    static final String APPLIED_AT = "applied_at";
    static final String ABSENT = "absent";
    static final String PRESENT = "present";

    private static final Logger log = LoggerFactory.getLogger(Departures.class);
    private static final String EMPLOYEES = PeakonCollection.EMPLOYEES.collectionName();

    private final MongoDatabase mongo;

    Departures(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    /** A run whose employees crawl judges who is present: its id and {@code started_at}. */
    record Judge(String runId, String startedAt) {}

    /**
     * Runs the passes of every judging run among {@code runs} and records each one's {@code departures}.
     *
     * @param landed the recount: documents per run id and collection
     */
    void reconcile(Collection<Document> runs, Map<String, Map<String, Long>> landed) {
        List<Judge> judges = judges(runs, landed);
        if (judges.isEmpty()) {
            return;
        }
        MongoCollection<Document> employees = mongo.getCollection(EMPLOYEES);
        String previous = null;
        for (Judge judge : judges) {
            markAbsent(employees, judge, previous);
            markPresent(employees, judge);
            previous = judge.startedAt();
        }
        record(runs, judges, employees);
    }

    /** The judging runs, oldest first. */
    static List<Judge> judges(Collection<Document> runs, Map<String, Map<String, Long>> landed) {
        List<Judge> judges = new ArrayList<>();
        for (Document run : runs) {
            String startedAt = run.getString(RunFields.STARTED_AT);
            if (startedAt == null
                    || !(run.get(RunFields.COLLECTIONS) instanceof Document collections)
                    || !(collections.get(EMPLOYEES) instanceof Document stats)
                    || !Boolean.TRUE.equals(stats.get(RunFields.COMPLETE_SNAPSHOT))
                    || !CollectionStatus.SUCCESS.name().equalsIgnoreCase(stats.getString(RunFields.STATUS))
                    || !(stats.get(RunFields.PUBLISHED) instanceof Number published)
                    || published.longValue() <= 0) {
                continue;
            }
            String runId = String.valueOf(run.get("_id"));
            if (LandingStatus.collectionDecided(runId, run, EMPLOYEES, landed, runs)) {
                judges.add(new Judge(runId, startedAt));
            }
        }
        judges.sort(Comparator.comparing(Judge::startedAt).thenComparing(Judge::runId));
        return judges;
    }

    /**
     * Versions fetched before the judge started (and after the previous judge started: older ones have an earlier
     * judge already, whose {@code started_at} is the smaller) and not the judge's own: the person was not in the
     * run. Only documents not yet absent since then or earlier match.
     */
    private static void markAbsent(MongoCollection<Document> employees, Judge judge, String previous) {
        List<Bson> filter = new ArrayList<>();
        if (previous != null) {
            filter.add(Filters.gte(DocumentFields.FETCHED_AT, previous));
        }
        filter.add(Filters.lt(DocumentFields.FETCHED_AT, judge.startedAt()));
        // Every record of a run is fetched after the run started (the fetcher takes started_at before its first
        // request, on the same clock); should its clock step back mid-run, the run's own people are still its own.
        filter.add(Filters.ne(DocumentFields.RUN_ID, judge.runId()));
        filter.add(Filters.or(
                Filters.ne(DocumentFields.PRESENT, false),
                Filters.exists(DocumentFields.ABSENT_SINCE, false),
                Filters.gt(DocumentFields.ABSENT_SINCE, judge.startedAt())));
        employees.updateMany(
                Filters.and(filter),
                Updates.combine(
                        Updates.set(DocumentFields.PRESENT, false),
                        Updates.min(DocumentFields.ABSENT_SINCE, judge.startedAt())));
    }

    /**
     * The judge's own versions are present, unless a later judge missed them ({@code absent_since} set since this
     * version was stored: a newer version would have replaced the document and dropped it).
     */
    private static void markPresent(MongoCollection<Document> employees, Judge judge) {
        employees.updateMany(
                Filters.and(
                        Filters.eq(DocumentFields.RUN_ID, judge.runId()),
                        Filters.ne(DocumentFields.PRESENT, true),
                        Filters.exists(DocumentFields.ABSENT_SINCE, false)),
                Updates.set(DocumentFields.PRESENT, true));
    }

    /**
     * {@code departures} of each judge, recounted from the documents like {@code landed}: {@code absent}, the people
     * this run was the first complete snapshot to miss who are still gone; {@code present}, the people present whose
     * current version is this run's. {@code applied_at} is when this database first recorded them.
     */
    private void record(Collection<Document> runs, List<Judge> judges, MongoCollection<Document> employees) {
        Map<String, Long> absentBySince = countBy(employees, false, DocumentFields.ABSENT_SINCE);
        Map<String, Long> presentByRun = countBy(employees, true, DocumentFields.RUN_ID);
        Map<String, Document> byId = new HashMap<>();
        runs.forEach(run -> byId.put(String.valueOf(run.get("_id")), run));
        MongoCollection<Document> ingestionRuns = mongo.getCollection(MongoCollections.INGESTION_RUNS);
        for (Judge judge : judges) {
            long absent = absentBySince.getOrDefault(judge.startedAt(), 0L);
            long present = presentByRun.getOrDefault(judge.runId(), 0L);
            Document stored = byId.get(judge.runId()).get(RunFields.DEPARTURES, Document.class);
            String prefix = RunFields.DEPARTURES + ".";
            Document set = new Document();
            if (stored == null || !(stored.get(APPLIED_AT) instanceof String)) {
                set.put(prefix + APPLIED_AT, Timestamps.format(Timestamps.now()));
            }
            if (stored == null || !Long.valueOf(absent).equals(stored.get(ABSENT))) {
                set.put(prefix + ABSENT, absent);
            }
            if (stored == null || !Long.valueOf(present).equals(stored.get(PRESENT))) {
                set.put(prefix + PRESENT, present);
            }
            if (!set.isEmpty()) {
                ingestionRuns.updateOne(Filters.eq("_id", judge.runId()), new Document("$set", set));
                log.info(
                        "run {}: departures {}: {} people absent since this run, {} present from it",
                        judge.runId(),
                        stored == null ? "applied" : "recounted",
                        absent,
                        present);
            }
        }
    }

    private static Map<String, Long> countBy(MongoCollection<Document> employees, boolean present, String field) {
        Map<String, Long> counts = new HashMap<>();
        employees
                .aggregate(List.of(
                        Aggregates.match(Filters.eq(DocumentFields.PRESENT, present)),
                        Aggregates.group("$" + field, Accumulators.sum("n", 1))))
                .forEach(group -> {
                    if (group.get("_id") instanceof String key && group.get("n") instanceof Number n) {
                        counts.put(key, n.longValue());
                    }
                });
        return counts;
    }
}
