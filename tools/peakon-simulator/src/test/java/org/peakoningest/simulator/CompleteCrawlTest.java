package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A crawl of everything, as the fetcher does it ({@code interval=all&participation=true&observations=false},
 * Department and Sub-Department segments, the {@code engagement} group per segment), lands exactly the expected
 * counts; and so does one that sends no {@code interval}, against the counts for the default.
 */
class CompleteCrawlTest {

    private static final String ALL = "?interval=all&participation=true&observations=false";

    @Test
    void aFullCrawlWithIntervalAllFindsEveryExpectedDocumentAndTheStatsAgree() {
        SimulatorConfig config = SimulatorConfig.parse(
                new String[] {
                    "--port",
                    "0",
                    "--employees",
                    "300",
                    "--answers",
                    "700",
                    "--request-budget",
                    "0",
                    "--strict-params",
                    "--unprocessable-segments",
                    "Marketing"
                },
                Map.of());
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            Map<String, Set<String>> keys = crawl(sim, ALL);
            SimulatorExpected expected = sim.expected();

            for (String collection : expected.collections().keySet()) {
                assertThat((long) keys.get(collection).size()).as(collection).isEqualTo(expected.count(collection));
                assertThat(sim.stats().distinct(collection)).as(collection).isEqualTo(expected.count(collection));
            }
            assertThat(expected.count("scores_contexts")).isEqualTo(18 * 24);
            assertThat(expected.count("segments"))
                    .isEqualTo(expected.segmentContexts().size() + 2 + 6); // + Location and manager segments
            assertThat(expected.unprocessableSegments()).hasSize(1);
            assertThat(expected.count("segment_scores"))
                    .isEqualTo((expected.segmentContexts().size() - 1) * 18L * 24);
        }
    }

    @Test
    void aCrawlWithoutIntervalFindsTheCountsForTheDefault() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(100, 50))) {
            Map<String, Set<String>> keys = crawl(sim, "");
            SimulatorExpected expected = sim.expected();

            for (String collection : expected.collectionsWithoutInterval().keySet()) {
                assertThat((long) keys.get(collection).size())
                        .as(collection)
                        .isEqualTo(expected.countWithoutInterval(collection));
                assertThat(sim.stats().distinct(collection))
                        .as(collection)
                        .isEqualTo(expected.countWithoutInterval(collection));
            }
            assertThat(expected.countWithoutInterval("scores_contexts")).isEqualTo(18 * 2);
        }
    }

    /** Per collection, the document keys a crawl with {@code scoreQuery} on every score request stores. */
    private static Map<String, Set<String>> crawl(PeakonSimulator sim, String scoreQuery) {
        SimClient client = ScoreIntervalsTest.loggedIn(sim);
        SimulatorExpected expected = sim.expected();
        String company = "company_" + expected.companyId();
        Map<String, Set<String>> keys = Map.of(
                "answers_export", new HashSet<>(),
                "employees", new HashSet<>(),
                "drivers", new HashSet<>(),
                "scores_contexts", new HashSet<>(),
                "scores_by_driver", new HashSet<>(),
                "segments", new HashSet<>(),
                "segment_scores", new HashSet<>());
        client.chase("/answers/export?per_page=200")
                .forEach(a -> keys.get("answers_export").add(id(a)));
        client.chase("/employees?per_page=70")
                .forEach(e -> keys.get("employees").add(id(e)));
        client.chase("/engagement/drivers" + scoreQuery)
                .forEach(d -> keys.get("drivers").add(id(d)));
        scores(client, company, "engagement", scoreQuery, keys.get("scores_contexts"));
        for (String driver : expected.driverIds()) {
            if (!expected.unprocessableGroups().contains(driver)) {
                scores(client, company, driver, scoreQuery, keys.get("scores_by_driver"));
            }
        }
        // Every segment is stored; scores are fetched for the Department (3) and Sub-Department (4) ones only.
        for (JsonNode segment : client.chase("/segments?per_page=20")) {
            keys.get("segments").add(id(segment));
            String attribute = segment.path("relationships")
                    .path("attribute")
                    .path("data")
                    .path("id")
                    .asString(""); // manager segments have no attribute
            if (List.of("3", "4").contains(attribute)) {
                String context = segment.path("attributes").path("contextId").stringValue();
                SimClient.Response r = client.get("/scores/contexts/" + context + "/group/engagement" + scoreQuery);
                if (r.status() == 422) {
                    assertThat(expected.unprocessableSegments()).contains(context);
                    continue;
                }
                scores(client, context, "engagement", scoreQuery, keys.get("segment_scores"));
            }
        }
        return keys;
    }

    private static void scores(SimClient client, String context, String group, String query, Set<String> keys) {
        client.chase("/scores/contexts/" + context + "/group/" + group + query)
                .forEach(item -> keys.add(context + "::" + group + "::" + id(item) + "::"
                        + item.path("attributes").path("scores").path("time").longValue()));
    }

    private static String id(JsonNode item) {
        return item.path("id").stringValue();
    }
}
