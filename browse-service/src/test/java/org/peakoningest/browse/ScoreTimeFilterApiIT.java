package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import tools.jackson.databind.JsonNode;

/**
 * {@code from} / {@code to} on {@code /api/scores/contexts} and {@code /api/scores/drivers} against the time shapes
 * {@code attributes.scores.time} comes in (issue #13): Peakon's epoch seconds, stored as whatever number type the
 * driver wrote (int32, int64, double), and an ISO string (older data, another API shape). A date {@code from} is
 * inclusive from that day's start, a date {@code to} up to the end of that day; an instant {@code to} is exclusive.
 */
class ScoreTimeFilterApiIT extends BrowseApiFixture {

    /** Label → stored {@code scores.time}; the boundaries sit one second either side of the filters' edges. */
    private static final Map<String, Object> TIMES = new LinkedHashMap<>();

    static {
        TIMES.put("feb28-last-second", epoch("2025-02-28T23:59:59Z"));
        TIMES.put("mar01-start-int", (int) epoch("2025-03-01T00:00:00Z"));
        TIMES.put("mar15-double", (double) epoch("2025-03-15T12:00:00Z"));
        TIMES.put("apr30-last-second", epoch("2025-04-30T23:59:59Z"));
        TIMES.put("may01-start", epoch("2025-05-01T00:00:00Z"));
        TIMES.put("feb01-iso", "2025-02-01T00:00:00Z");
        TIMES.put("mar20-iso", "2025-03-20T08:00:00.000Z");
        TIMES.put("may02-iso", "2025-05-02T00:00:00.000000Z");
    }

    private final Map<String, String> contextIds = new LinkedHashMap<>();
    private final Map<String, String> driverIds = new LinkedHashMap<>();

    private static long epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    @BeforeAll
    void seed() {
        List<Document> contexts = new ArrayList<>();
        List<Document> drivers = new ArrayList<>();
        TIMES.forEach((label, time) -> {
            Document context = SeedData.score("engagement", "1527150", time, "good", "high", 7.0, null);
            Document driver = SeedData.score("growth", "1527156", time, "good", "high", 7.0, "growth");
            contexts.add(context);
            drivers.add(driver);
            contextIds.put(label, context.getString("_id"));
            driverIds.put(label, driver.getString("_id"));
        });
        // Another driver in range: driverId must still narrow alongside the time filter.
        Document autonomy =
                SeedData.score("autonomy", "1527157", epoch("2025-03-10T00:00:00Z"), "good", "high", 7.0, "autonomy");
        drivers.add(autonomy);
        driverIds.put("autonomy-mar10", autonomy.getString("_id"));
        SeedData.insert(db(), PeakonCollection.SCORES_CONTEXTS, contexts);
        SeedData.insert(db(), PeakonCollection.SCORES_BY_DRIVER, drivers);
    }

    private Set<String> apiIds(String path, Map<String, String> filter) {
        Map<String, String> p = new LinkedHashMap<>(filter);
        p.put("limit", "500");
        JsonNode page = api.json(path, p);
        assertThat(page.get("total").asInt()).isEqualTo(page.get("items").size());
        return new HashSet<>(ApiClient.ids(page));
    }

    private static Set<String> expect(Map<String, String> ids, String... labels) {
        Set<String> out = new HashSet<>();
        for (String label : labels) {
            out.add(ids.get(label));
        }
        return out;
    }

    @Test
    void dateRangeMatchesEpochSecondsOfEveryNumberTypeAndIsoStrings() {
        assertThat(apiIds("/api/scores/contexts", params("from", "2025-03-01", "to", "2025-04-30")))
                .isEqualTo(expect(contextIds, "mar01-start-int", "mar15-double", "apr30-last-second", "mar20-iso"));
    }

    @Test
    void fromAloneIsInclusive() {
        assertThat(apiIds("/api/scores/contexts", params("from", "2025-03-01")))
                .isEqualTo(expect(
                        contextIds,
                        "mar01-start-int",
                        "mar15-double",
                        "apr30-last-second",
                        "may01-start",
                        "mar20-iso",
                        "may02-iso"));
        assertThat(apiIds("/api/scores/contexts", params("from", "2025-03-01T00:00:01Z")))
                .isEqualTo(expect(
                        contextIds, "mar15-double", "apr30-last-second", "may01-start", "mar20-iso", "may02-iso"));
    }

    @Test
    void toDateIncludesItsDayAndToInstantIsExclusive() {
        assertThat(apiIds("/api/scores/contexts", params("to", "2025-04-30")))
                .isEqualTo(expect(
                        contextIds,
                        "feb28-last-second",
                        "mar01-start-int",
                        "mar15-double",
                        "apr30-last-second",
                        "feb01-iso",
                        "mar20-iso"));
        assertThat(apiIds("/api/scores/contexts", params("to", "2025-03-01T00:00:00Z")))
                .isEqualTo(expect(contextIds, "feb28-last-second", "feb01-iso"));
    }

    @Test
    void theFilterRunsInMongoSoPagingCountsOnlyMatches() {
        JsonNode page = api.json(
                "/api/scores/contexts", params("from", "2025-03-01", "to", "2025-04-30", "limit", "2", "offset", "1"));
        assertThat(page.get("total").asInt()).isEqualTo(4);
        assertThat(page.get("items").size()).isEqualTo(2);
    }

    @Test
    void driversFilterTheSameWay() {
        assertThat(apiIds(
                        "/api/scores/drivers", params("driverId", "growth", "from", "2025-03-01", "to", "2025-04-30")))
                .isEqualTo(expect(driverIds, "mar01-start-int", "mar15-double", "apr30-last-second", "mar20-iso"));
        assertThat(apiIds("/api/scores/drivers", params("from", "2025-03-01", "to", "2025-03-31")))
                .isEqualTo(expect(driverIds, "mar01-start-int", "mar15-double", "mar20-iso", "autonomy-mar10"));
    }
}
