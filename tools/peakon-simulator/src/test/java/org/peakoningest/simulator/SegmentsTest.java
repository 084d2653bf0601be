package org.peakoningest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SegmentsTest {

    @Test
    void departmentAndSubDepartmentSegmentsMatchTheEmployeesAttributesPlusManagerAndLocationSegments() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(400, 0))) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);
            Set<String> departments = new TreeSet<>();
            Set<String> subDepartments = new TreeSet<>();
            client.chase("/employees?per_page=1000").forEach(e -> {
                departments.add(e.path("attributes").path("Department").stringValue());
                subDepartments.add(e.path("attributes").path("Sub-Department").stringValue());
            });

            List<JsonNode> segments = client.chase("/segments");

            assertThat(names(segments, "3")).isEqualTo(departments);
            assertThat(names(segments, "4")).isEqualTo(subDepartments);
            assertThat(names(segments, "7")).containsExactly("Copenhagen", "Remote");
            List<JsonNode> managers = segments.stream()
                    .filter(s -> s.path("attributes").path("type").stringValue().equals("employee"))
                    .toList();
            assertThat(managers).hasSize(6).allSatisfy(m -> {
                assertThat(m.path("relationships").has("attribute")).isFalse();
                assertThat(m.path("relationships")
                                .path("manager")
                                .path("data")
                                .path("type")
                                .stringValue())
                        .isEqualTo("employees");
            });
            assertThat(managers.stream()
                            .filter(m -> m.path("attributes").path("direct").booleanValue()))
                    .hasSize(3);
            JsonNode first = segments.get(0);
            assertThat(first.path("type").stringValue()).isEqualTo("segments");
            assertThat(first.path("attributes").path("contextId").stringValue())
                    .isEqualTo("segment_" + first.path("id").stringValue());
            assertThat(first.path("attributes").propertyNames())
                    .contains("name", "type", "contextId", "direct", "identifier");
            assertThat(segments.stream().map(s -> s.path("id").stringValue()).distinct())
                    .hasSize(segments.size());
            // the segments collection is all of GET /segments, manager and Location segments included
            assertThat(sim.stats().distinct("segments"))
                    .isEqualTo(departments.size() + subDepartments.size() + 2 + 6)
                    .isEqualTo(sim.expected().count("segments"));
        }
    }

    @Test
    void pagesFollowLinksNextAndIncludeTheAttributesTheyReferTo() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(2_000, 0))) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);

            JsonNode page1 = client.get("/segments").json();
            List<JsonNode> all = client.chase("/segments");
            List<JsonNode> small = client.chase("/segments?per_page=7");

            assertThat(page1.path("data").size()).isEqualTo(50);
            assertThat(page1.path("links").path("next").stringValue()).endsWith("/segments?per_page=50&page=2");
            assertThat(all.size()).isGreaterThan(50);
            assertThat(small).isEqualTo(all);
            JsonNode last =
                    client.get(page1.path("links").path("next").stringValue()).json();
            assertThat(last.path("links").path("next").isNull()).isTrue();
            assertThat(page1.path("included").get(0).path("type").stringValue()).isEqualTo("attributes");
            assertThat(page1.path("included")
                            .get(0)
                            .path("attributes")
                            .path("name")
                            .stringValue())
                    .isEqualTo("Department");
            assertThat(sim.stats().requests("GET /segments")).isGreaterThan(10);
        }
    }

    @Test
    void theReferenceFiltersWork() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(400, 0))) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);

            List<JsonNode> managers = client.chase("/segments?filter%5Btype%5D=employee&per_page=2");
            List<JsonNode> department = client.chase("/segments?filter%5BattributeId%5D=3");
            List<JsonNode> ceoDirect = client.chase("/segments?filter%5BmanagerId%5D=50001&filter%5Bdirect%5D=true");

            assertThat(managers).hasSize(6);
            assertThat(department)
                    .hasSize(9)
                    .allSatisfy(s -> assertThat(s.path("relationships")
                                    .path("attribute")
                                    .path("data")
                                    .path("id")
                                    .stringValue())
                            .isEqualTo("3"));
            assertThat(ceoDirect)
                    .singleElement()
                    .satisfies(s -> assertThat(s.path("attributes").path("name").stringValue())
                            .startsWith("Direct reports of "));
            assertThat(client.get("/segments?filter%5BattributeId%5D=x").status())
                    .isEqualTo(400);
        }
    }

    @Test
    void segmentContextsServeScoresUnknownSegmentsAre404AndUnprocessableOnesAre422() {
        SimulatorConfig config = SimulatorConfig.parse(
                new String[] {"--port", "0", "--employees", "50", "--answers", "0", "--unprocessable-segments", "Sales"
                },
                Map.of());
        try (PeakonSimulator sim = PeakonSimulator.start(config)) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);
            JsonNode sales = client.chase("/segments?filter%5BattributeId%5D=3").stream()
                    .filter(s -> s.path("attributes").path("name").stringValue().equals("Sales"))
                    .findFirst()
                    .orElseThrow();
            String salesContext = sales.path("attributes").path("contextId").stringValue();
            String other = sim.expected().segmentContexts().get(0);

            SimClient.Response scores = client.get("/scores/contexts/" + other + "/group/engagement?interval=all");
            SimClient.Response company = client.get("/scores/contexts/company_22182/group/engagement?interval=all");

            assertThat(scores.status()).isEqualTo(200);
            assertThat(scores.json().path("data").size()).isEqualTo(18 * 24);
            assertThat(scores.json().path("data").get(0).path("type").stringValue())
                    .isEqualTo("category_scores");
            assertThat(scores.text()).isNotEqualTo(company.text());
            assertThat(client.get("/scores/contexts/segment_99999/group/engagement")
                            .status())
                    .isEqualTo(404);
            SimClient.Response refused = client.get("/scores/contexts/" + salesContext + "/group/engagement");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().path("errors").get(0).path("detail").stringValue())
                    .contains(salesContext);
            assertThat(sim.expected().unprocessableSegments()).containsExactly(salesContext);
            assertThat(sim.stats().requests("GET /scores/contexts/segment_{id}/group/{group}"))
                    .isEqualTo(3);
        }
    }

    @Test
    void employeesCountIsTheNumberOfEmployees() {
        try (PeakonSimulator sim = PeakonSimulator.start(SimulatorConfig.defaults(123, 0))) {
            SimClient client = ScoreIntervalsTest.loggedIn(sim);

            SimClient.Response r = client.get("/employees/count");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("count").intValue()).isEqualTo(123);
            assertThat(sim.stats().requests("GET /employees/count")).isEqualTo(1);
        }
    }

    /** The names of the segments of attribute {@code attributeId}. */
    private static Set<String> names(List<JsonNode> segments, String attributeId) {
        Set<String> names = new HashSet<>();
        segments.stream()
                .filter(s -> s.path("relationships")
                        .path("attribute")
                        .path("data")
                        .path("id")
                        .stringValue("")
                        .equals(attributeId))
                .forEach(s -> names.add(s.path("attributes").path("name").stringValue()));
        return new TreeSet<>(names);
    }
}
