package org.peakoningest.browse;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.springframework.boot.SpringApplication;

/**
 * A developer tool, not a test: an in-memory Mongo-wire server with 500 synthetic people (plus an orphan, a cycle
 * and a duplicate), their answers (scored and unscored), scores (30 months of 17 named categories and one the catalog
 * does not name, epoch-second times as Peakon sends them), the driver catalog, and runs (one superseded, one with
 * skipped requests), and the browse service on port 8000 with token {@code demo-token}.
 * Users: {@code demo:demo} (analyst) and {@code viewer:viewer} (viewer: aggregates only). For working on the UI ({@code npm run dev} in {@code ui/} proxies to it) and for screenshots. Run it with the test
 * classpath, e.g. {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.peakoningest.browse.UiDemo}.
 */
public final class UiDemo {

    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "Finance", "People"};
    private static final String[] COMMENTS = {
        "Great team, supportive manager",
        "Too many meetings",
        "I would like " + "clearer goals",
        "Workload is heavy this quarter",
        "Love the flexibility",
        null,
        null,
        null
    };

    /** The driver catalog the fetcher ships (fetcher-service drivers_catalog.csv): id, driver, subdriver. */
    static final String[][] CATALOG = {
        {"1527152", "Engagement", ""},
        {"1527165", "Accomplishment", ""},
        {"1527153", "Autonomy", ""},
        {"1527191", "Environment", ""},
        {"1527167", "Freedom of Opinion", ""},
        {"1527173", "Goal Setting", ""},
        {"1527156", "Growth", ""},
        {"1527181", "Management Support", ""},
        {"1527162", "Meaningful Work", ""},
        {"1527175", "Organizational fit", ""},
        {"1527170", "Peer Relationships", ""},
        {"1527160", "Recognition", ""},
        {"1527161", "Recognition", "Performance"},
        {"1527184", "Reward", ""},
        {"1527187", "Strategy", ""},
        {"1527189", "Strategy", "Mission"},
        {"1527190", "Workload", ""}
    };
    /** A category id nothing names: the UI must show it as the id. */
    static final String UNNAMED_CATEGORY = "1599999";
    /** Score months: 2024-07 … 2026-12 (513 points), so the newest is what an oldest-first 500-point chart missed. */
    static final int SCORE_MONTHS = 30;

    private UiDemo() {}

    public static void main(String[] args) {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            seed(client.getDatabase("peakon"));
        }
        SpringApplication.run(
                BrowseApplication.class,
                "--spring.mongodb.uri=" + uri,
                "--spring.mongodb.database=peakon",
                "--browse.token=demo-token",
                "--browse.users=demo:demo,viewer:viewer:viewer");
    }

    static void seed(MongoDatabase db) {
        Random random = new Random(7);
        List<Document> employees = new ArrayList<>();
        int people = 500;
        String[] dept = new String[people + 1];
        for (int i = 1; i <= people; i++) {
            int manager = i == 1 ? 0 : i <= 6 ? 1 : Math.max(2, i / 4);
            dept[i] = i == 1 ? "Executive" : i <= 6 ? DEPARTMENTS[i - 2] : dept[manager];
            Document employee = SeedData.employee(
                    1000 + i,
                    "Person " + i,
                    dept[i],
                    dept[i] + " " + (char) ('A' + i % 3),
                    manager == 0 ? null : Integer.toString(1000 + manager));
            // Birthdays and work anniversaries for the people-dates report (issue #17): every month has some; two
            // birthdays are malformed as HR exports are, for the report to count and never guess.
            ((Document) employee.get("attributes"))
                    .append(
                            "Date of Birth",
                            i == 17
                                    ? "31/12/1985"
                                    : i == 29
                                            ? "1990-02-30"
                                            : String.format(
                                                    "%d-%02d-%02d", 1960 + i % 40, 1 + i % 12, 1 + (i / 12) % 28))
                    .append(
                            "employmentStart",
                            String.format("%d-%02d-%02d", 2010 + i % 15, 1 + (i * 5) % 12, 1 + (i * 3) % 28));
            // The last ten left (issue #14): hidden unless "show people who left" is on; their answers still count.
            employees.add(
                    i > people - 10
                            ? employee.append("present", false).append("absent_since", "2025-06-02T03:00:00.000000Z")
                            : employee.append("present", true));
        }
        employees.add(SeedData.employee(5001, "Olive Orphan", "Legal", "Contracts", "9999"));
        employees.add(SeedData.employee(6001, "Cy Cle", "Ops", "Loop", "6002"));
        employees.add(SeedData.employee(6002, "Cyd Cle", "Ops", "Loop", "6001"));
        SeedData.insert(db, PeakonCollection.EMPLOYEES, employees);

        List<Document> answers = new ArrayList<>();
        int id = 1;
        for (int i = 1; i <= people; i++) {
            if (random.nextDouble() < 0.25) {
                continue;
            }
            for (int month = 1; month <= 6; month++) {
                int base = dept[i].equals("Sales") ? 5 : 7;
                String at = String.format(
                        "2025-%02d-%02dT%02d:15:00.000Z", month, 1 + random.nextInt(27), 8 + random.nextInt(9));
                Document scored = SeedData.answer(
                        id++,
                        1000 + i,
                        1,
                        "How likely is it you would recommend the company?",
                        "engagement",
                        Math.min(10, base + random.nextInt(4) - 1),
                        COMMENTS[random.nextInt(8)],
                        at);
                scored.get("attributes", Document.class)
                        .append("categoryId", "1527152")
                        .append("categoryStandard", "engagement");
                answers.add(scored);
                if (random.nextDouble() < 0.2) {
                    // an open question: no score (sorted last either way)
                    answers.add(SeedData.answer(
                            id++,
                            1000 + i,
                            2,
                            "Is there anything else you would like to share?",
                            "other",
                            null,
                            COMMENTS[random.nextInt(5)],
                            at));
                }
            }
        }
        SeedData.insert(db, PeakonCollection.ANSWERS_EXPORT, answers);

        List<Document> catalog = new ArrayList<>();
        for (String[] row : CATALOG) {
            Document entry = new Document("_id", Long.parseLong(row[0]))
                    .append("id", Long.parseLong(row[0]))
                    .append("driver", row[1])
                    .append("subdriver", row[2].isEmpty() ? null : row[2]);
            catalog.add(entry);
        }
        SeedData.insert(db, PeakonCollection.DRIVERS_CATALOG, catalog);

        List<Document> scores = new ArrayList<>();
        List<Document> drivers = new ArrayList<>();
        String[] grades = {"excellent", "good", "average", "below_average", "poor"};
        String[][] driverCategories = {
            {"autonomy", "1527153"}, {"growth", "1527156"}, {"workload", "1527190"}, {"recognition", "1527160"}
        };
        for (int month = 0; month < SCORE_MONTHS; month++) {
            long time = java.time.LocalDate.of(2024, 7, 1)
                    .plusMonths(month)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toEpochSecond();
            for (int c = 0; c < CATALOG.length; c++) {
                double mean = Math.round((6 + (c % 6) * 0.4 + Math.sin(month / 2.0 + c)) * 10) / 10.0;
                scores.add(SeedData.score(
                        "engagement",
                        CATALOG[c][0],
                        time,
                        grades[random.nextInt(5)],
                        c % 2 == 0 ? "high" : "low",
                        mean,
                        null));
            }
            if (month >= SCORE_MONTHS - 3) {
                scores.add(SeedData.score("engagement", UNNAMED_CATEGORY, time, "average", "low", 6.1, null));
            }
            for (int c = 0; c < driverCategories.length; c++) {
                double mean = Math.round((6 + c * 0.5 + Math.sin(month / 2.0 + c)) * 10) / 10.0;
                drivers.add(SeedData.score(
                        driverCategories[c][0],
                        driverCategories[c][1],
                        time,
                        grades[random.nextInt(5)],
                        "medium",
                        mean - 0.4,
                        driverCategories[c][0]));
            }
        }
        SeedData.insert(db, PeakonCollection.SCORES_CONTEXTS, scores);
        SeedData.insert(db, PeakonCollection.SCORES_BY_DRIVER, drivers);

        // Department segments (attribute 3) and the sub-departments "<department> A" (attribute 4), with 24 months of
        // engagement scores each; the smaller segments fall under min-n in some months.
        List<Document> segments = new ArrayList<>();
        List<Document> segmentScores = new ArrayList<>();
        int segmentId = 101;
        for (String d : new String[] {"Executive", "Sales", "Engineering", "Legal"}) {
            for (String[] s : new String[][] {{d, "3"}, {d + " A", "4"}}) {
                String sid = Integer.toString(segmentId++);
                segments.add(SeedData.segment(sid, s[0], s[1]));
                int total = s[1].equals("3") ? 40 : 8;
                for (int month = 0; month < 24; month++) {
                    long time = java.time.LocalDate.of(2024, 12, 1)
                            .plusMonths(month)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toEpochSecond();
                    for (int c = 0; c < 2; c++) {
                        double mean = Math.round((6.5 + c * 0.4 + Math.sin(month / 3.0 + segmentId)) * 10) / 10.0;
                        segmentScores.add(SeedData.segmentScore(
                                sid,
                                "engagement",
                                Integer.toString(1527152 + c),
                                time,
                                mean,
                                total / 2 + random.nextInt(total / 2),
                                total));
                    }
                }
            }
        }
        SeedData.insert(db, PeakonCollection.SEGMENTS, segments);
        SeedData.insert(db, PeakonCollection.SEGMENT_SCORES, segmentScores);

        db.getCollection(MongoCollections.INGESTION_RUNS).drop();
        for (int r = 0; r < 3; r++) {
            Document collections = new Document();
            for (PeakonCollection c : PeakonCollection.values()) {
                collections.append(
                        c.collectionName(),
                        new Document("published", 100 + r)
                                .append("landed", 100 + r)
                                .append("pages", 1)
                                .append("status", "success"));
            }
            if (r == 1) {
                // what the fetcher records for a driver id that is no valid score group (HTTP 422)
                collections
                        .get(PeakonCollection.SCORES_BY_DRIVER.collectionName(), Document.class)
                        .append(
                                "skipped",
                                List.of(
                                        new Document("context", "reward")
                                                .append("status", 422)
                                                .append("reason", "reward is not a valid score group"),
                                        new Document("context", "free_opinions")
                                                .append("status", 422)
                                                .append("reason", "free_opinions is not a valid score group")));
            }
            db.getCollection(MongoCollections.INGESTION_RUNS)
                    .insertOne(new Document("_id", "run-" + r)
                            .append("started_at", String.format("2026-11-%02dT03:00:00.000000Z", 9 + 7 * r))
                            .append("finished_at", String.format("2026-11-%02dT03:04:10.000000Z", 9 + 7 * r))
                            .append("status", r == 1 ? "partial" : "success")
                            .append("sync_mode", r == 0 ? "full" : "incremental")
                            .append("landing_status", r == 2 ? "pending" : r == 0 ? "superseded" : "complete")
                            .append(
                                    "last_error",
                                    r == 1 ? "scores_by_driver: group 'reward' answered 422 (skipped)" : null)
                            .append("collections", collections));
        }
    }
}
