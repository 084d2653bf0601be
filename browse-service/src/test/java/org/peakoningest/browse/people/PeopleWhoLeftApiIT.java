package org.peakoningest.browse.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.util.ArrayList;
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
 * People who left (issue #14: the writer marks them {@code present: false} with {@code absent_since}) are hidden by
 * default in the pickers ({@code /api/employees}, its facets) and the org map, shown and marked as left with
 * {@code includeAbsent=true}, and their answers keep counting everywhere answers are aggregated.
 *
 * <p>The company: manager 1 (Sales) with reports 2–7 and 12 present (12 not judged by any complete crawl yet), 8 who
 * left (Sales) and 9 who left (Support); manager 10 (Support) left, and 11 still reports to them; 13 left and was
 * the only person of Legacy.
 */
@TestPropertySource(properties = "browse.min-n=1")
class PeopleWhoLeftApiIT extends BrowseApiFixture {

    private static final String LEFT_ON = "2026-11-16T03:00:00.000000Z";
    private static final List<String> CURRENT = List.of("1", "11", "12", "2", "3", "4", "5", "6", "7");
    private static final List<String> LEFT = List.of("10", "13", "8", "9");

    @BeforeAll
    void seed() {
        List<Document> people = new ArrayList<>();
        people.add(present(SeedData.employee(1, "Mia Manager", "Sales", "Field", null)));
        for (int id = 2; id <= 7; id++) {
            people.add(present(SeedData.employee(id, "Sam Seller" + id, "Sales", "Field", "1")));
        }
        people.add(left(SeedData.employee(8, "Lee Leaver", "Sales", "Field", "1")));
        people.add(left(SeedData.employee(9, "Liv Leaver", "Support", "Desk", "1")));
        people.add(left(SeedData.employee(10, "Max Formermanager", "Support", "Desk", null)));
        people.add(present(SeedData.employee(11, "Ria Report", "Support", "Desk", "10")));
        people.add(SeedData.employee(12, "Una Unjudged", "Sales", "Field", "1"));
        people.add(left(SeedData.employee(13, "Ola Oldtimer", "Legacy", "Archive", null)));
        SeedData.insert(db(), PeakonCollection.EMPLOYEES, people);

        List<Document> answers = new ArrayList<>();
        Map<Integer, Integer> scores = Map.of(2, 6, 3, 7, 8, 2, 9, 3, 11, 9);
        scores.forEach((employee, score) -> answers.add(SeedData.answer(
                employee * 100, employee, 1, "Recommend?", "engagement", score, null, "2026-10-01T09:00:00.000Z")));
        SeedData.insert(db(), PeakonCollection.ANSWERS_EXPORT, answers);
    }

    private static Document present(Document employee) {
        return employee.append("present", true);
    }

    private static Document left(Document employee) {
        return employee.append("present", false).append("absent_since", LEFT_ON);
    }

    @Test
    void thePeoplePickerListsOnlyCurrentPeopleUnlessAskedForEveryone() {
        JsonNode current = api.json("/api/employees", params("sort", "id", "limit", "100"));
        assertThat(sortedIds(current)).containsExactlyElementsOf(CURRENT);
        assertThat(current.get("total").asInt()).isEqualTo(CURRENT.size());

        JsonNode everyone = api.json("/api/employees", params("sort", "id", "limit", "100", "includeAbsent", "true"));
        List<String> all = new ArrayList<>(CURRENT);
        all.addAll(LEFT);
        assertThat(sortedIds(everyone)).containsExactlyInAnyOrderElementsOf(all);
        everyone.get("items").forEach(item -> {
            if (LEFT.contains(item.get("_id").asString())) {
                assertThat(item.get("present").asBoolean()).isFalse();
                assertThat(item.get("absent_since").asString()).isEqualTo(LEFT_ON);
            }
        });

        // A search finds a leaver only with the switch on.
        assertThat(api.json("/api/employees", params("q", "Leaver"))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.json("/api/employees", params("q", "Leaver", "includeAbsent", "true"))
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/employees", params("includeAbsent", "yes")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theFacetsCountCurrentPeopleAndListOnlyCurrentManagersByDefault() {
        JsonNode current = api.json("/api/employees/facets", Map.of());
        assertThat(facetCounts(current.get("departments")))
                .isEqualTo(Map.of("Sales", 8, "Support", 1))
                .as("a department whose only person left is no choice by default")
                .doesNotContainKey("Legacy");
        assertThat(managerIds(current)).containsExactly("1");

        JsonNode everyone = api.json("/api/employees/facets", params("includeAbsent", "true"));
        assertThat(facetCounts(everyone.get("departments"))).isEqualTo(Map.of("Sales", 9, "Support", 3, "Legacy", 1));
        assertThat(managerIds(everyone)).containsExactlyInAnyOrder("1", "10");
    }

    @Test
    void theOrgMapShowsCurrentPeopleByDefaultAndMarksLeaversWhenAskedFor() {
        JsonNode current = api.json("/api/orgmap", Map.of());
        Map<String, JsonNode> nodes = byId(current);
        assertThat(nodes.keySet()).containsExactlyInAnyOrderElementsOf(CURRENT);
        assertThat(nodes.get("1").get("directReports").asInt()).isEqualTo(7);
        assertThat(nodes.values())
                .allSatisfy(node -> assertThat(node.get("left").asBoolean()).isFalse());
        // 11's manager left: in the map of current people Peakon still names a manager who is not there.
        assertThat(current.get("orphans").toString()).contains("\"missingManagerId\":\"10\"");

        JsonNode everyone = api.json("/api/orgmap", params("includeAbsent", "true"));
        Map<String, JsonNode> all = byId(everyone);
        assertThat(all).hasSize(CURRENT.size() + LEFT.size());
        assertThat(all.get("1").get("directReports").asInt()).isEqualTo(9);
        for (String id : LEFT) {
            assertThat(all.get(id).get("left").asBoolean()).as(id).isTrue();
            assertThat(all.get(id).get("absentSince").asString()).as(id).isEqualTo(LEFT_ON);
        }
        assertThat(all.get("11").get("parentId").asString()).isEqualTo("10");
        assertThat(all.get("2").has("absentSince")).isFalse();
    }

    @Test
    void answersOfPeopleWhoLeftStillCount() {
        // Sales answers: 2 (6), 3 (7) and 8, who left (2).
        JsonNode sales = api.json("/api/answers/summary", params("department", "Sales"));
        assertThat(sales.get("respondents").asInt()).isEqualTo(3);
        assertThat(sales.get("meanScore").asDouble()).isEqualTo(5.0);
        // Below manager 1: 2, 3, 8 and 9.
        assertThat(api.json("/api/answers/summary", params("manager", "1"))
                        .get("respondents")
                        .asInt())
                .isEqualTo(4);
        // The map's subtree engagement of manager 1 averages the same four people, shown or not.
        double withLeavers = (6 + 7 + 2 + 3) / 4.0;
        assertThat(engagementOf("1", Map.of("colour", "engagement"))).isEqualTo(withLeavers);
        assertThat(engagementOf("1", params("colour", "engagement", "includeAbsent", "true")))
                .isEqualTo(withLeavers);
    }

    @Test
    void aPersonWhoLeftIsStillFoundByIdAndMarkedAsLeft() {
        JsonNode person = api.json("/api/employees/8", Map.of());
        assertThat(person.get("employee").get("left").asBoolean()).isTrue();
        assertThat(person.get("employee").get("absentSince").asString()).isEqualTo(LEFT_ON);
        assertThat(person.get("manager").get("id").asString()).isEqualTo("1");

        JsonNode manager = api.json("/api/employees/1", Map.of());
        assertThat(ids(manager.get("directReports"))).doesNotContain("8", "9");
        JsonNode managerWithLeavers = api.json("/api/employees/1", params("includeAbsent", "true"));
        assertThat(ids(managerWithLeavers.get("directReports"))).contains("8", "9");
    }

    private double engagementOf(String id, Map<String, String> query) {
        return byId(api.json("/api/orgmap", query))
                .get(id)
                .get("engagement")
                .get("mean")
                .asDouble();
    }

    private static List<String> sortedIds(JsonNode page) {
        return ApiClient.ids(page).stream().sorted().toList();
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(node -> out.add(node.get("id").asString()));
        return out;
    }

    private static Map<String, Integer> facetCounts(JsonNode facets) {
        Map<String, Integer> out = new HashMap<>();
        facets.forEach(f -> out.put(f.get("value").asString(), f.get("count").asInt()));
        return out;
    }

    private static List<String> managerIds(JsonNode facets) {
        List<String> out = new ArrayList<>();
        facets.get("managers").forEach(m -> out.add(m.get("id").asString()));
        return out;
    }

    private static Map<String, JsonNode> byId(JsonNode map) {
        Map<String, JsonNode> out = new HashMap<>();
        map.get("nodes").forEach(n -> out.put(n.get("id").asString(), n));
        return out;
    }
}
