package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.testsupport.IntegrationInfrastructure;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Scores (contexts, by driver, department trend with min-n) and ingestion runs. */
@TestPropertySource(properties = "browse.min-n=3")
class ScoresAndRunsApiIT extends BrowseApiFixture {

    private static final String[] GRADES = {"excellent", "good", "average", "below_average", "poor"};
    private static final String[] IMPACTS = {"high", "medium", "low"};
    private static final String[] DRIVERS = {"autonomy", "growth", "workload"};

    final List<Document> contexts = new ArrayList<>();
    final List<Document> byDriver = new ArrayList<>();

    @BeforeAll
    void seed() {
        MongoDatabase db = db();
        int n = 0;
        for (String group : new String[] {"engagement", "health_wellbeing"}) {
            for (int category = 0; category < 4; category++) {
                for (int month = 1; month <= 6; month++) {
                    n++;
                    contexts.add(SeedData.score(
                            group,
                            Integer.toString(1527150 + category),
                            String.format("2025-%02d-01T00:00:00.000Z", month),
                            GRADES[n % 5],
                            IMPACTS[n % 3],
                            5 + (n % 40) / 10.0,
                            null));
                }
            }
        }
        for (String driver : DRIVERS) {
            for (int month = 1; month <= 6; month++) {
                n++;
                byDriver.add(SeedData.score(
                        driver,
                        "1527" + driver.length(),
                        String.format("2025-%02d-01T00:00:00.000Z", month),
                        GRADES[n % 5],
                        IMPACTS[n % 3],
                        6.5,
                        driver));
            }
        }
        SeedData.insert(db, PeakonCollection.SCORES_CONTEXTS, contexts);
        SeedData.insert(db, PeakonCollection.SCORES_BY_DRIVER, byDriver);

        List<Document> employees = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            employees.add(
                    SeedData.employee(e, "Person " + e, e <= 3 ? "Engineering" : "Sales", "Team", e == 1 ? null : "1"));
        }
        SeedData.insert(db, PeakonCollection.EMPLOYEES, employees);
        List<Document> answers = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            answers.add(
                    SeedData.answer(e * 10, e, 1, "Recommend?", "engagement", 4 + e, null, "2025-01-15T09:00:00.000Z"));
            if (e <= 2) {
                answers.add(SeedData.answer(
                        e * 10 + 1, e, 1, "Recommend?", "engagement", 9, null, "2025-02-15T09:00:00.000Z"));
            }
        }
        // Category names: the catalog names 1527150 and 1527151 (with a subdriver); an answer's categoryStandard
        // names 1527152; nothing names 1527153.
        SeedData.insert(
                db,
                PeakonCollection.DRIVERS_CATALOG,
                List.of(
                        new Document("_id", 1527150L).append("id", 1527150L).append("driver", "Engagement"),
                        new Document("_id", 1527151L)
                                .append("id", 1527151L)
                                .append("driver", "Recognition")
                                .append("subdriver", "Performance")));
        Document named = SeedData.answer(990, 99, 7, "Values?", "values", 8, null, "2025-01-15T09:00:00.000Z");
        named.get("attributes", Document.class)
                .append("categoryId", "1527152")
                .append("categoryStandard", "management_support");
        answers.add(named);
        SeedData.insert(db, PeakonCollection.ANSWERS_EXPORT, answers);

        db.getCollection(MongoCollections.INGESTION_RUNS).drop();
        db.getCollection(MongoCollections.INGESTION_RUNS)
                .insertMany(List.of(
                        run("run-x", "2026-10-25T03:00:00.000000Z", "abandoned", "complete"),
                        run("run-0", "2026-11-01T03:00:00.000000Z", "failed", "nothing"),
                        run("run-1", "2026-11-02T03:00:00.000000Z", "success", "superseded"),
                        run("run-a", "2026-11-09T03:00:00.000000Z", "success", "complete"),
                        run("run-b", "2026-11-16T03:00:00.000000Z", "partial", "complete"),
                        run("run-c", "2026-11-23T03:00:00.000000Z", "success", "pending")));
    }

    private static Document run(String id, String startedAt, String status, String landing) {
        return new Document("_id", id)
                .append("started_at", startedAt)
                .append("finished_at", startedAt)
                .append("status", status)
                .append("sync_mode", "full")
                .append("landing_status", landing)
                .append(
                        "collections",
                        new Document(
                                "employees",
                                new Document("published", 10)
                                        .append("landed", 10)
                                        .append("pages", 1)
                                        .append("status", "success")));
    }

    private static Set<String> ids(List<Document> docs, Predicate<Document> filter) {
        Set<String> out = new HashSet<>();
        docs.stream().filter(filter).forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    private static String attr(Document d, String name) {
        return d.get("attributes", Document.class).getString(name);
    }

    private static String time(Document d) {
        return d.get("attributes", Document.class).get("scores", Document.class).getString("time");
    }

    private Set<String> apiIds(String path, Map<String, String> filter) {
        Map<String, String> p = new java.util.LinkedHashMap<>(filter);
        p.put("limit", "500");
        JsonNode page = api.json(path, p);
        assertThat(page.get("total").asInt()).isEqualTo(page.get("items").size());
        return new HashSet<>(ApiClient.ids(page));
    }

    @Test
    void contextScoreFiltersNarrowAndCombine() {
        Map<Map<String, String>, Predicate<Document>> cases = Map.of(
                params("grade", "good"),
                d -> attr(d, "grade").equals("good"),
                params("impact", "high"),
                d -> attr(d, "impact").equals("high"),
                params("from", "2025-03-01", "to", "2025-04-30"),
                d -> time(d).startsWith("2025-03") || time(d).startsWith("2025-04"),
                params("group", "health_wellbeing"),
                d -> d.getString("_id").startsWith("health_wellbeing::"),
                params("category", "1527151"),
                d -> d.getString("id").equals("1527151"),
                params("grade", "good", "impact", "high", "group", "engagement"),
                d -> attr(d, "grade").equals("good")
                        && attr(d, "impact").equals("high")
                        && d.getString("_id").startsWith("engagement::"));
        cases.forEach((filter, predicate) -> {
            Set<String> expected = ids(contexts, predicate);
            assertThat(expected).as("%s", filter).isNotEmpty().hasSizeLessThan(contexts.size());
            assertThat(apiIds("/api/scores/contexts", filter)).as("%s", filter).isEqualTo(expected);
        });
        assertThat(apiIds("/api/scores/contexts", params("group", ".*"))).isEmpty();
        JsonNode chart = api.json("/api/scores/contexts", params("sort", "time", "order", "asc", "limit", "500"));
        List<String> times = new ArrayList<>();
        chart.get("items")
                .forEach(i ->
                        times.add(i.get("attributes").get("scores").get("time").asString()));
        assertThat(times).isSorted();
    }

    @Test
    void driverScoreFiltersNarrow() {
        assertThat(apiIds("/api/scores/drivers", params("driverId", "growth")))
                .isEqualTo(ids(byDriver, d -> d.getString("driver_id").equals("growth")))
                .hasSize(6);
        assertThat(apiIds("/api/scores/drivers", params("driverId", "growth", "from", "2025-05-01")))
                .hasSize(2);
        Set<String> good = ids(byDriver, d -> attr(d, "grade").equals("good"));
        assertThat(apiIds("/api/scores/drivers", params("grade", "good")))
                .isEqualTo(good)
                .isNotEmpty();
        assertThat(api.get("/api/scores/contexts", params("driverId", "growth")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void departmentFilterOnScoresIsEmployeeScopedAndSaysSo() {
        JsonNode page = api.json("/api/scores/contexts", params("department", "Engineering"));
        assertThat(page.get("total").asInt()).isZero();
        assertThat(page.get("notices").get(0).asString()).contains("no employee or segment link");

        JsonNode trend = api.json("/api/scores/department-trend", params("department", "Engineering"));
        JsonNode january = trend.get("series").get(0);
        assertThat(january.get("period").asString()).isEqualTo("2025-01");
        assertThat(january.get("respondents").asInt()).isEqualTo(3);
        assertThat(january.get("meanScore").asDouble()).isEqualTo(6.0);
        JsonNode february = trend.get("series").get(1);
        assertThat(february.get("withheld").asBoolean()).isTrue();
        assertThat(february.get("meanScore").isNull()).isTrue();
        assertThat(api.json("/api/scores/department-trend", params("department", "Sales"))
                        .get("series")
                        .get(0)
                        .get("withheld")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void categoryNamesComeFromTheCatalogThenTheAnswersAndUnknownIdsAreNotGuessed() {
        JsonNode body = api.json("/api/scores/categories", Map.of());
        Map<String, String> names = new java.util.TreeMap<>();
        Map<String, String> sources = new java.util.TreeMap<>();
        body.get("categories").forEach(c -> {
            names.put(c.get("id").asString(), c.get("name").asString());
            sources.put(c.get("id").asString(), c.get("source").asString());
        });
        assertThat(names)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "1527150", "Engagement",
                        "1527151", "Recognition · Performance",
                        "1527152", "Management support"));
        assertThat(sources)
                .containsEntry("1527150", PeakonCollection.DRIVERS_CATALOG.collectionName())
                .containsEntry("1527152", "answers.categoryStandard");
        assertThat(names).doesNotContainKey("1527153");
        assertThat(api.get("/api/scores/categories", params("x", "1")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void scoresSortedByMeanPutItemsWithoutAMeanLastEitherWay() {
        Document blank = SeedData.score("engagement", "1527159", "2025-07-01T00:00:00.000Z", "good", "low", 1, null);
        blank.get("attributes", Document.class).get("scores", Document.class).put("mean", null);
        db().getCollection(PeakonCollection.SCORES_CONTEXTS.collectionName()).insertOne(blank);
        try {
            for (String order : List.of("asc", "desc")) {
                List<String> ids = ApiClient.ids(
                        api.json("/api/scores/contexts", params("sort", "mean", "order", order, "limit", "500")));
                assertThat(ids).hasSize(contexts.size() + 1).last().isEqualTo(blank.getString("_id"));
            }
        } finally {
            db().getCollection(PeakonCollection.SCORES_CONTEXTS.collectionName())
                    .deleteOne(new Document("_id", blank.getString("_id")));
        }
    }

    @Test
    void runsAreListedNewestFirstWithTheirStatuses() {
        JsonNode runs = api.json("/api/runs", Map.of());
        assertThat(ApiClient.ids(runs)).containsExactly("run-c", "run-b", "run-a", "run-1", "run-0", "run-x");
        JsonNode newest = runs.get("items").get(0);
        assertThat(newest.get("landing_status").asString()).isEqualTo("pending");
        assertThat(newest.get("collections").get("employees").get("landed").asInt())
                .isEqualTo(10);
        assertThat(ApiClient.ids(api.json("/api/runs", params("status", "partial"))))
                .containsExactly("run-b");
        assertThat(ApiClient.ids(api.json("/api/runs", params("landingStatus", "pending"))))
                .containsExactly("run-c");
        assertThat(ApiClient.ids(api.json("/api/runs", params("limit", "1", "offset", "1"))))
                .containsExactly("run-b");
        assertThat(api.get("/api/runs", params("status", "{\"$ne\":\"x\"}")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void runsFilterOnEveryLandingStatusTheWriterWrites() {
        assertThat(ApiClient.ids(api.json("/api/runs", params("landingStatus", "complete"))))
                .containsExactly("run-b", "run-a", "run-x");
        assertThat(ApiClient.ids(api.json("/api/runs", params("landingStatus", "superseded"))))
                .containsExactly("run-1");
        assertThat(ApiClient.ids(api.json("/api/runs", params("landingStatus", "nothing"))))
                .containsExactly("run-0");
        assertThat(ApiClient.ids(api.json("/api/runs", params("landingStatus", "pending"))))
                .containsExactly("run-c");

        var unknown = api.get("/api/runs", params("landingStatus", "done"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.parse(unknown.body());
        assertThat(error.get("error").asString()).isEqualTo("bad_request");
        assertThat(error.get("message").asString())
                .isEqualTo("parameter 'landingStatus' must be one of complete, nothing, pending, superseded");
    }

    @Test
    void runsFilterOnEveryFetchStatusTheWriterWrites() {
        assertThat(ApiClient.ids(api.json("/api/runs", params("status", "abandoned"))))
                .as("a run whose fetcher died, ended by another fetcher")
                .containsExactly("run-x");
        assertThat(ApiClient.ids(api.json("/api/runs", params("status", "failed"))))
                .containsExactly("run-0");
        assertThat(ApiClient.ids(api.json("/api/runs", params("status", "success"))))
                .containsExactly("run-c", "run-a", "run-1");
        assertThat(ApiClient.ids(api.json("/api/runs", params("status", "running"))))
                .isEmpty();

        var unknown = api.get("/api/runs", params("status", "lost"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.parse(unknown.body()).get("message").asString())
                .isEqualTo("parameter 'status' must be one of abandoned, failed, partial, running, success");
    }

    @Test
    void mongoOutageIsA503AndServiceRecovers() {
        IntegrationInfrastructure.shared().interruptMongo();
        try {
            var response = api.get("/api/runs", Map.of());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(ApiClient.parse(response.body()).get("error").asString()).isEqualTo("database_unavailable");
        } finally {
            IntegrationInfrastructure.shared().resumeMongo();
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> api.get("/api/runs", Map.of()).statusCode() == 200);
    }
}
