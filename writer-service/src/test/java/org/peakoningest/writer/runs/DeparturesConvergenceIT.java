package org.peakoningest.writer.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.testsupport.IntegrationInfrastructure;

/**
 * Property behind "replay equals live" for departures (docs/writer.md, "Departures"): whatever order the versions
 * land in and whenever the passes run (before a run's records all landed, between two versions of a person, twice),
 * the final reconcile leaves every employee with the status the formula gives for the stored versions and the
 * complete-snapshot runs. Random company histories of six weekly runs, some failed or partial; each history is
 * landed once in order with a reconcile after each run (live) and once shuffled, run documents included, with
 * reconciles at random moments (a replay across partitions, a second writer).
 */
class DeparturesConvergenceIT {

    private static final int PEOPLE = 40;
    private static final int RUNS = 6;
    private static final Instant START = Instant.parse("2026-09-07T03:00:00Z");
    private static final String EMPLOYEES = PeakonCollection.EMPLOYEES.collectionName();

    private static MongoClient client;
    private static MongoDatabase mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(IntegrationInfrastructure.shared().mongoUri());
        mongo = client.getDatabase("it_departures_convergence");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** One run: its start, whether its employees crawl was a complete snapshot, and the people it published. */
    record Run(String id, String startedAt, boolean complete, List<Integer> seen) {}

    /** One record: a person's version from a run, fetched a second after the run started. */
    record Version(int person, Run run) {
        String fetchedAt() {
            return Timestamps.format(Timestamps.parse(run.startedAt()).plusSeconds(1));
        }
    }

    @Test
    void everyOrderOfLandingAndPassesEndsAtTheFormula() {
        for (long seed = 1; seed <= 15; seed++) {
            Random random = new Random(seed);
            List<Run> runs = history(random);
            List<Version> versions = new ArrayList<>();
            runs.forEach(run -> run.seen().forEach(person -> versions.add(new Version(person, run))));
            Map<Integer, String> expected = formula(runs);

            reset(runs);
            for (Run run : runs) {
                versions.stream().filter(v -> v.run() == run).forEach(DeparturesConvergenceIT::land);
                reconcile();
            }
            assertThat(statuses()).as("live, seed %d", seed).isEqualTo(expected);
            Map<String, Document> liveDepartures = departures();
            reconcile();
            assertThat(statuses()).as("live, reconciled again, seed %d", seed).isEqualTo(expected);

            // A replay: the run events are records too, on partitions of their own, so the runs appear in any
            // order among the versions.
            reset(List.of());
            List<Object> shuffled = new ArrayList<>(versions);
            shuffled.addAll(runs);
            Collections.shuffle(shuffled, random);
            for (Object record : shuffled) {
                if (record instanceof Version version) {
                    land(version);
                } else {
                    insert((Run) record);
                }
                if (random.nextInt(4) == 0) {
                    reconcile();
                }
            }
            reconcile();
            assertThat(statuses()).as("shuffled, seed %d", seed).isEqualTo(expected);
            assertThat(departures()).as("departures, seed %d", seed).isEqualTo(liveDepartures);
        }
    }

    /**
     * Six weekly runs, about a third of them not complete snapshots. Each person joins before some run and leaves
     * after a later one (or stays), and is occasionally missing from a run in between (a failed page).
     */
    private static List<Run> history(Random random) {
        int[] joins = new int[PEOPLE + 1];
        int[] leaves = new int[PEOPLE + 1];
        for (int person = 1; person <= PEOPLE; person++) {
            joins[person] = random.nextInt(RUNS);
            leaves[person] = joins[person] + 1 + random.nextInt(RUNS);
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            List<Integer> seen = new ArrayList<>();
            for (int person = 1; person <= PEOPLE; person++) {
                if (joins[person] <= i && i < leaves[person] && random.nextInt(10) != 0) {
                    seen.add(person);
                }
            }
            boolean complete = random.nextInt(3) != 0;
            runs.add(new Run("run-" + i, Timestamps.format(START.plusSeconds(7L * 86400 * i)), complete, seen));
        }
        return runs;
    }

    /** The formula of docs/writer.md, over each person's newest version and the complete runs. */
    private static Map<Integer, String> formula(List<Run> runs) {
        Map<Integer, Version> newest = new HashMap<>();
        runs.forEach(run -> run.seen().forEach(person -> newest.put(person, new Version(person, run))));
        Map<Integer, String> out = new TreeMap<>();
        newest.forEach((person, version) -> {
            String since = runs.stream()
                    .filter(r -> r.complete() && r != version.run())
                    .map(Run::startedAt)
                    .filter(start -> start.compareTo(version.fetchedAt()) > 0)
                    .min(String::compareTo)
                    .orElse(null);
            out.put(
                    person,
                    since != null ? "absent since " + since : version.run().complete() ? "present" : "unjudged");
        });
        return out;
    }

    private static void reset(List<Run> runs) {
        mongo.getCollection(EMPLOYEES).drop();
        MongoCollection<Document> ingestionRuns = mongo.getCollection(MongoCollections.INGESTION_RUNS);
        ingestionRuns.drop();
        runs.forEach(DeparturesConvergenceIT::insert);
    }

    /** The run's document as its events make it. */
    private static void insert(Run run) {
        Document stats = new Document("status", "success")
                .append("published", (long) run.seen().size())
                .append("distinct_keys", (long) run.seen().size())
                .append("complete_snapshot", run.complete());
        mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .insertOne(new Document("_id", run.id())
                        .append("started_at", run.startedAt())
                        .append("status", "success")
                        .append("collections", new Document(EMPLOYEES, stats)));
    }

    /** What the writer does with a version: replaces the whole document when it is newer (never regress). */
    private static void land(Version version) {
        Document document = new Document("_id", version.person())
                .append("type", EMPLOYEES)
                .append("fetched_at", version.fetchedAt())
                .append("run_id", version.run().id());
        mongo.getCollection(EMPLOYEES)
                .replaceOne(
                        Filters.and(Filters.eq("_id", version.person()), Filters.lt("fetched_at", version.fetchedAt())),
                        document,
                        new ReplaceOptions().upsert(false));
        if (mongo.getCollection(EMPLOYEES).countDocuments(Filters.eq("_id", version.person())) == 0) {
            mongo.getCollection(EMPLOYEES).insertOne(document);
        }
    }

    /** The recount's part that matters here: landed per run, then the departures passes. */
    private static void reconcile() {
        Map<String, Map<String, Long>> landed = new HashMap<>();
        for (Document person : mongo.getCollection(EMPLOYEES).find()) {
            landed.computeIfAbsent(person.getString("run_id"), r -> new HashMap<>())
                    .merge(EMPLOYEES, 1L, Long::sum);
        }
        List<Document> runs =
                mongo.getCollection(MongoCollections.INGESTION_RUNS).find().into(new ArrayList<>());
        new Departures(mongo).reconcile(runs, landed);
    }

    private static Map<Integer, String> statuses() {
        Map<Integer, String> out = new TreeMap<>();
        for (Document person : mongo.getCollection(EMPLOYEES).find()) {
            Object present = person.get("present");
            out.put(
                    person.getInteger("_id"),
                    Boolean.FALSE.equals(present)
                            ? "absent since " + person.getString("absent_since")
                            : Boolean.TRUE.equals(present) && !person.containsKey("absent_since")
                                    ? "present"
                                    : present == null && !person.containsKey("absent_since") ? "unjudged" : "broken");
        }
        return out;
    }

    /** {@code departures} of every run without its write time. */
    private static Map<String, Document> departures() {
        Map<String, Document> out = new TreeMap<>();
        for (Document run : mongo.getCollection(MongoCollections.INGESTION_RUNS).find()) {
            Document departures = run.get("departures", Document.class);
            if (departures != null) {
                Document counts = new Document(departures);
                counts.remove("applied_at");
                out.put(run.getString("_id"), counts);
            }
        }
        return out;
    }
}
