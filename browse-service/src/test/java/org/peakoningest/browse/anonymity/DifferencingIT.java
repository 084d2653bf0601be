package org.peakoningest.browse.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.SeedData;
import org.peakoningest.common.PeakonCollection;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The differencing attacks of issue #16, tried as a viewer (min-n 5), each against the figures a viewer can get.
 *
 * <p>The company (30 people, everyone answers one engagement question in January and February 2026):
 * <ul>
 *   <li>1, the CEO (Sales/North), manages 10, 20 and the 14 Sales people 30-35, 40-45, 50-51;</li>
 *   <li>10 (Product/Design) manages 11-16: the issue's attack (organisation of 10 minus 10's reports = 10);</li>
 *   <li>20 (Product/Research) manages only 21, who manages 22-27: a chain of one;</li>
 *   <li>Sales splits into North (1, 30-35: 7), South (40-45: 6) and East (50-51: 2);</li>
 *   <li>in March 2026 only 50 and 51 (Sales/East) answer.</li>
 * </ul>
 */
@TestPropertySource(properties = {"browse.min-n=5", "browse.users=vic:viewer-password:viewer"})
class DifferencingIT extends BrowseApiFixture {

    private static final String VIEWER =
            "Basic " + Base64.getEncoder().encodeToString("vic:viewer-password".getBytes(StandardCharsets.UTF_8));

    /** Each person's score: distinct enough that a leaked mean would be recognisable. */
    private final Map<Integer, Integer> score = new HashMap<>();

    @BeforeAll
    void seed() {
        List<Document> employees = new ArrayList<>();
        employees.add(SeedData.employee(1, "Cora Chief", "Sales", "North", null));
        employees.add(SeedData.employee(10, "Xavier Manager", "Product", "Design", "1"));
        for (int i = 11; i <= 16; i++) {
            employees.add(SeedData.employee(i, "Designer " + i, "Product", "Design", "10"));
        }
        employees.add(SeedData.employee(20, "Wanda Top", "Product", "Research", "1"));
        employees.add(SeedData.employee(21, "Quinn Middle", "Product", "Research", "20"));
        for (int i = 22; i <= 27; i++) {
            employees.add(SeedData.employee(i, "Researcher " + i, "Product", "Research", "21"));
        }
        for (int i = 30; i <= 35; i++) {
            employees.add(SeedData.employee(i, "North " + i, "Sales", "North", "1"));
        }
        for (int i = 40; i <= 45; i++) {
            employees.add(SeedData.employee(i, "South " + i, "Sales", "South", "1"));
        }
        employees.add(SeedData.employee(50, "East 50", "Sales", "East", "1"));
        employees.add(SeedData.employee(51, "East 51", "Sales", "East", "1"));
        SeedData.insert(db(), PeakonCollection.EMPLOYEES, employees);

        List<Document> answers = new ArrayList<>();
        for (Document e : employees) {
            int id = (Integer) e.get("_id");
            score.put(id, id % 11);
            for (int month = 1; month <= 3; month++) {
                if (month == 3 && id != 50 && id != 51) {
                    continue;
                }
                answers.add(SeedData.answer(
                        id * 100 + month,
                        id,
                        9001,
                        "How happy are you?",
                        "engagement",
                        score.get(id),
                        null,
                        "2026-0" + month + "-10T09:00:00Z"));
            }
        }
        SeedData.insert(db(), PeakonCollection.ANSWERS_EXPORT, answers);
    }

    private JsonNode asViewer(String path, Map<String, String> params) {
        var response = api.get(path, params, VIEWER);
        assertThat(response.statusCode())
                .as("%s %s -> %s", path, params, response.body())
                .isEqualTo(200);
        return ApiClient.parse(response.body());
    }

    private Map<String, JsonNode> viewerOrgMap() {
        Map<String, JsonNode> byId = new HashMap<>();
        asViewer("/api/orgmap", params("colour", "engagement"))
                .get("nodes")
                .forEach(n -> byId.put(n.get("id").asString(), n.get("engagement")));
        return byId;
    }

    private double mean(int... ids) {
        double sum = 0;
        for (int id : ids) {
            sum += score.get(id);
        }
        return Math.round(sum / ids.length * 100) / 100.0;
    }

    @Test
    void theIssuesAttackSubtreeMinusTheManagersReportsRecoversNothing() {
        // The org map colours 10 by 10's organisation (10 and 11-16); a viewer's manager=10 is that same group.
        JsonNode node = viewerOrgMap().get("10");
        JsonNode summary = asViewer("/api/answers/summary", params("manager", "10", "answeredTo", "2026-02"));
        JsonNode summaryAllTime = asViewer("/api/answers/summary", params("manager", "10"));
        assertThat(node.get("withheld").asBoolean()).isFalse();
        assertThat(summaryAllTime.get("respondents").asInt())
                .isEqualTo(node.get("respondents").asInt())
                .isEqualTo(7);
        assertThat(summaryAllTime.get("meanScore").asDouble())
                .isEqualTo(node.get("mean").asDouble());
        assertThat(summary.get("respondents").asInt()).isEqualTo(7);
        assertThat(summary.get("meanScore").asDouble()).isEqualTo(mean(10, 11, 12, 13, 14, 15, 16));

        // The other halves of the attack are not a viewer's to ask: one person, or a group cut by another.
        assertThat(api.get("/api/answers/summary", params("employeeId", "10"), VIEWER)
                        .statusCode())
                .isEqualTo(400);
        var combined = api.get("/api/answers/summary", params("manager", "10", "department", "Product"), VIEWER);
        assertThat(combined.statusCode()).isEqualTo(400);
        assertThat(ApiClient.parse(combined.body()).get("message").asString()).contains("at most one");
        assertThat(api.get("/api/answers", Map.of(), VIEWER).statusCode()).isEqualTo(403);
    }

    @Test
    void anOrganisationOnlyItsManagerAboveIsWithheldForViewersNotForAnalysts() {
        Map<String, JsonNode> viewer = viewerOrgMap();
        // 20's organisation is 21's plus 20 alone: showing both would show 20's own answers.
        assertThat(viewer.get("20").get("withheld").asBoolean()).isFalse();
        assertThat(viewer.get("20").get("respondents").asInt()).isEqualTo(8);
        assertThat(viewer.get("21").get("withheld").asBoolean()).isTrue();
        assertThat(viewer.get("21").has("mean")).isTrue();
        assertThat(viewer.get("21").get("mean").isNull()).isTrue();
        assertThat(viewer.get("21").get("reason").asString()).contains("together with", "fewer than 5");
        JsonNode summary = asViewer("/api/answers/summary", params("manager", "21"));
        assertThat(summary.get("withheld").asBoolean()).isTrue();
        assertThat(summary.get("meanScore").isNull()).isTrue();
        assertThat(summary.get("respondents").isNull()).isTrue();
        assertThat(summary.get("answers").isNull()).isTrue();
        // ... and in every month of its trend.
        JsonNode trend = asViewer("/api/scores/department-trend", params("manager", "21"));
        assertThat(trend.get("series")).isNotEmpty();
        trend.get("series")
                .forEach(p -> assertThat(p.get("withheld").asBoolean()).isTrue());

        // An analyst (who reads the answers themselves) sees the subtree of 21 under min-n only.
        JsonNode analyst = api.json("/api/orgmap", params("colour", "engagement"));
        analyst.get("nodes").forEach(n -> {
            if (n.get("id").asString().equals("21")) {
                assertThat(n.get("engagement").get("withheld").asBoolean()).isFalse();
                assertThat(n.get("engagement").get("respondents").asInt()).isEqualTo(7);
            }
        });
    }

    @Test
    void siblingsNeverLeaveFewerThanMinNPeopleAsTheRestOfTheirDepartment() {
        JsonNode sales = asViewer("/api/answers/summary", params("department", "Sales", "answeredTo", "2026-02"));
        JsonNode north = asViewer("/api/answers/summary", params("subDepartment", "North", "answeredTo", "2026-02"));
        JsonNode south = asViewer("/api/answers/summary", params("subDepartment", "South", "answeredTo", "2026-02"));
        JsonNode east = asViewer("/api/answers/summary", params("subDepartment", "East", "answeredTo", "2026-02"));
        assertThat(sales.get("withheld").asBoolean()).isFalse();
        assertThat(sales.get("respondents").asInt()).isEqualTo(15);
        assertThat(east.get("withheld").asBoolean()).isTrue();
        assertThat(east.get("withheldReason").asString()).isEqualTo("fewer than 5 respondents");
        // Sales minus North minus South would be East's two people (and so would the company minus its other
        // sub-departments): the smaller of the two is withheld as well.
        assertThat(north.get("withheld").asBoolean()).isFalse();
        assertThat(south.get("withheld").asBoolean()).isTrue();
        assertThat(south.get("withheldReason").asString()).startsWith("with the other parts of");
        assertThat(sales.get("respondents").asInt() - north.get("respondents").asInt())
                .as("what Sales minus the visible sub-departments covers")
                .isGreaterThanOrEqualTo(5);
        // The facet head counts are withheld under min-n too.
        JsonNode facets = asViewer("/api/employees/facets", Map.of());
        facets.get("subDepartments").forEach(f -> {
            if (f.get("value").asString().equals("East")) {
                assertThat(f.get("count").isNull()).isTrue();
            }
        });
        facets.get("managers").forEach(m -> {
            if (m.get("id").asString().equals("20")) {
                assertThat(m.get("directReports").isNull())
                        .as("20 has one direct report")
                        .isTrue();
            }
        });
    }

    @Test
    void aWindowWhoseWithheldMonthsHoldFewPeopleIsWithheld() {
        JsonNode twoMonths = asViewer(
                "/api/answers/summary",
                params("department", "Sales", "answeredFrom", "2026-01", "answeredTo", "2026-02"));
        assertThat(twoMonths.get("withheld").asBoolean()).isFalse();
        assertThat(twoMonths.get("respondents").asInt()).isEqualTo(15);
        // March: only 50 and 51 answered; January-March minus January-February would be their answers.
        JsonNode threeMonths = asViewer(
                "/api/answers/summary",
                params("department", "Sales", "answeredFrom", "2026-01-01", "answeredTo", "2026-03-31"));
        assertThat(threeMonths.get("withheld").asBoolean()).isTrue();
        assertThat(threeMonths.get("withheldReason").asString()).contains("withheld months");
        JsonNode trend = asViewer("/api/scores/department-trend", params("department", "Sales"));
        assertThat(trend.get("series")).hasSize(3);
        assertThat(trend.get("series").get(0).get("withheld").asBoolean()).isFalse();
        assertThat(trend.get("series").get(1).get("withheld").asBoolean()).isFalse();
        assertThat(trend.get("series").get(2).get("period").asString()).isEqualTo("2026-03");
        assertThat(trend.get("series").get(2).get("withheld").asBoolean()).isTrue();
        assertThat(trend.get("series").get(2).get("meanScore").isNull()).isTrue();

        // Windows are whole months for a viewer: a day in the middle would cut a month into pieces to difference.
        var midMonth =
                api.get("/api/answers/summary", params("department", "Sales", "answeredFrom", "2026-01-15"), VIEWER);
        assertThat(midMonth.statusCode()).isEqualTo(400);
        assertThat(ApiClient.parse(midMonth.body()).get("message").asString()).contains("whole months");
    }
}
