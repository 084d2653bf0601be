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
 * A developer tool, not a test: an in-memory Mongo-wire server with ~400 synthetic people (plus an orphan, a cycle
 * and a duplicate), their answers, scores and runs, and the browse service on port 8000 with token {@code demo-token}.
 * For working on the UI ({@code npm run dev} in {@code ui/} proxies to it) and for screenshots. Run it with the test
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
                "--browse.users=demo:demo");
    }

    static void seed(MongoDatabase db) {
        Random random = new Random(7);
        List<Document> employees = new ArrayList<>();
        int people = 400;
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
                answers.add(SeedData.answer(
                        id++,
                        1000 + i,
                        1,
                        "How likely is it you would recommend the company?",
                        "engagement",
                        Math.min(10, base + random.nextInt(4) - 1),
                        COMMENTS[random.nextInt(8)],
                        String.format(
                                "2025-%02d-%02dT%02d:15:00.000Z",
                                month, 1 + random.nextInt(27), 8 + random.nextInt(9))));
            }
        }
        SeedData.insert(db, PeakonCollection.ANSWERS_EXPORT, answers);

        List<Document> scores = new ArrayList<>();
        List<Document> drivers = new ArrayList<>();
        String[] grades = {"excellent", "good", "average", "below_average", "poor"};
        String[] driverIds = {"autonomy", "growth", "workload", "recognition"};
        for (int month = 1; month <= 12; month++) {
            String time = String.format("2025-%02d-01T00:00:00.000Z", month);
            for (int c = 0; c < 4; c++) {
                double mean = Math.round((6 + c * 0.5 + Math.sin(month / 2.0 + c)) * 10) / 10.0;
                scores.add(SeedData.score(
                        "engagement",
                        Integer.toString(1527152 + c),
                        time,
                        grades[random.nextInt(5)],
                        c % 2 == 0 ? "high" : "low",
                        mean,
                        null));
                drivers.add(SeedData.score(
                        driverIds[c],
                        Integer.toString(1527160 + c),
                        time,
                        grades[random.nextInt(5)],
                        "medium",
                        mean - 0.4,
                        driverIds[c]));
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
            db.getCollection(MongoCollections.INGESTION_RUNS)
                    .insertOne(new Document("_id", "run-" + r)
                            .append("started_at", String.format("2026-11-%02dT03:00:00.000000Z", 9 + 7 * r))
                            .append("finished_at", String.format("2026-11-%02dT03:04:10.000000Z", 9 + 7 * r))
                            .append("status", r == 1 ? "partial" : "success")
                            .append("sync_mode", r == 0 ? "full" : "incremental")
                            .append("landing_status", r == 2 ? "pending" : "complete")
                            .append(
                                    "last_error",
                                    r == 1 ? "scores_by_driver: group 'reward' answered 422 (skipped)" : null)
                            .append("collections", collections));
        }
    }
}
