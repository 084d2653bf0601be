package org.peakoningest.browse.orgmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.SeedData;
import org.peakoningest.common.PeakonCollection;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The org map over a 2,000-person tree (a binary heap: employee i reports to i/2) plus the defects real data has:
 * an orphan with a report, a three-person cycle with a tail, a self-manager and a duplicated id.
 */
@TestPropertySource(properties = "browse.min-n=5")
class OrgMapApiIT extends BrowseApiFixture {

    private static final int TREE = 2000;

    final Map<Integer, Integer> score = new HashMap<>();

    private static String department(int id) {
        while (id > 3) {
            id /= 2;
        }
        return id == 1 ? "Executive" : id == 2 ? "Engineering" : "Sales";
    }

    private static boolean inSubtree(int id, int root) {
        while (id > root) {
            id /= 2;
        }
        return id == root;
    }

    @BeforeAll
    void seed() {
        List<Document> employees = new ArrayList<>();
        for (int i = 1; i <= TREE; i++) {
            employees.add(SeedData.employee(
                    i, "Person " + i, department(i), "Team " + (i % 7), i == 1 ? null : Integer.toString(i / 2)));
        }
        employees.add(SeedData.employee(5001, "Olive Orphan", "Legal", "Contracts", "9999"));
        employees.add(SeedData.employee(5002, "Otto Orphanreport", "Legal", "Contracts", "5001"));
        employees.add(SeedData.employee(6001, "Cy Cle", "Ops", "Loop", "6003"));
        employees.add(SeedData.employee(6002, "Cyd Cle", "Ops", "Loop", "6001"));
        employees.add(SeedData.employee(6003, "Cyra Cle", "Ops", "Loop", "6002"));
        employees.add(SeedData.employee(6004, "Tail Cle", "Ops", "Loop", "6003"));
        employees.add(SeedData.employee(6010, "Self Manager", "Ops", "Loop", "6010"));
        employees.add(SeedData.employee(7001, "Dupe Int", "Finance", "Books", null));
        employees.add(SeedData.employee("7001", "Dupe Text", "Finance", "Books", null));
        SeedData.insert(db(), PeakonCollection.EMPLOYEES, employees);

        List<Document> answers = new ArrayList<>();
        for (int e = 16; e <= 23; e++) {
            score.put(e, e % 10);
            answers.add(SeedData.answer(
                    e * 10, e, 1, "Recommend?", "engagement", e % 10, null, "2025-01-10T09:00:00.000Z"));
            // a different category group must not colour the engagement map
            answers.add(SeedData.answer(
                    e * 10 + 1, e, 3, "Inclusion?", "diversity_inclusion", 0, null, "2025-01-10T09:00:00.000Z"));
        }
        SeedData.insert(db(), PeakonCollection.ANSWERS_EXPORT, answers);
    }

    private static Map<String, JsonNode> byId(JsonNode map) {
        Map<String, JsonNode> out = new HashMap<>();
        map.get("nodes").forEach(n -> out.put(n.get("id").asString(), n));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void fullMapReportsTreeFactsOrphansCyclesAndDuplicatesWithoutLooping() {
        long start = System.nanoTime();
        JsonNode map = api.json("/api/orgmap", Map.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("orgmap of " + (TREE + 8) + " documents served in " + millis + " ms");

        assertThat(map.get("total").asInt()).isEqualTo(TREE + 8);
        Map<String, JsonNode> nodes = byId(map);
        assertThat(nodes).hasSize(TREE + 8);
        assertThat(texts(map.get("roots"))).containsExactlyInAnyOrder("1", "5001", "6001", "6010", "7001");
        assertThat(map.get("edges").size()).isEqualTo(TREE + 8 - 5);
        int directReports = 0;
        for (JsonNode n : map.get("nodes")) {
            directReports += n.get("directReports").asInt();
        }
        assertThat(directReports).isEqualTo(map.get("edges").size());

        assertThat(nodes.get("1").get("subtreeSize").asInt()).isEqualTo(TREE);
        assertThat(nodes.get("1").get("directReports").asInt()).isEqualTo(2);
        assertThat(nodes.get("1024").get("depth").asInt()).isEqualTo(10);
        assertThat(map.get("maxDepth").asInt()).isEqualTo(10);
        assertThat(nodes.get("2").get("subtreeSize").asInt())
                .isEqualTo((int) java.util.stream.IntStream.rangeClosed(1, TREE)
                        .filter(i -> inSubtree(i, 2))
                        .count());

        assertThat(map.get("orphans")).hasSize(1);
        assertThat(map.get("orphans").get(0).get("id").asString()).isEqualTo("5001");
        assertThat(map.get("orphans").get(0).get("missingManagerId").asString()).isEqualTo("9999");
        assertThat(nodes.get("5001").get("orphan").asBoolean()).isTrue();
        assertThat(nodes.get("5001").get("subtreeSize").asInt()).isEqualTo(2);

        List<List<String>> cycles = new ArrayList<>();
        map.get("cycles").forEach(c -> cycles.add(texts(c)));
        assertThat(cycles).containsExactlyInAnyOrder(List.of("6001", "6002", "6003"), List.of("6010"));
        assertThat(nodes.get("6001").get("cycleBreak").asBoolean()).isTrue();
        assertThat(nodes.get("6004").get("depth").asInt()).isEqualTo(3);
        assertThat(nodes.get("6001").get("subtreeSize").asInt()).isEqualTo(4);

        assertThat(map.get("duplicates")).hasSize(1);
        assertThat(map.get("duplicates").get(0).get("id").asString()).isEqualTo("7001");
        assertThat(map.get("duplicates").get(0).get("documents").asInt()).isEqualTo(2);
    }

    @Test
    void focusMaxDepthAndDepartmentSelectAView() {
        JsonNode focused = api.json("/api/orgmap", params("focus", "2", "maxDepth", "2"));
        assertThat(byId(focused).keySet()).containsExactlyInAnyOrder("2", "4", "5", "8", "9", "10", "11");
        assertThat(texts(focused.get("view").get("roots"))).containsExactly("2");
        assertThat(focused.get("edges")).hasSize(6);
        assertThat(texts(focused.get("focusPath"))).containsExactly("2", "1");

        JsonNode sales = api.json("/api/orgmap", params("department", "Sales"));
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= TREE; i++) {
            if (inSubtree(i, 3)) {
                expected.add(Integer.toString(i));
            }
        }
        assertThat(byId(sales).keySet()).isEqualTo(expected);
        assertThat(texts(sales.get("view").get("roots"))).containsExactly("3");
        assertThat(sales.get("edges")).hasSize(expected.size() - 1);

        JsonNode top = api.json("/api/orgmap", params("maxDepth", "1"));
        assertThat(byId(top).keySet())
                .contains("1", "2", "3", "5001", "5002", "6001")
                .doesNotContain("4");

        JsonNode loop = api.json("/api/orgmap", params("focus", "6002"));
        assertThat(byId(loop).keySet()).containsExactlyInAnyOrder("6002", "6003", "6004");
        assertThat(texts(loop.get("focusPath"))).containsExactly("6002", "6001");

        assertThat(api.get("/api/orgmap", params("focus", "424242")).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/orgmap", params("maxDepth", "-1")).statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/orgmap", params("colour", "{\"$ne\":1}")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void engagementColouringWithholdsSubtreesWithFewerThanMinNRespondents() {
        Map<String, JsonNode> nodes = byId(api.json("/api/orgmap", params("colour", "engagement")));

        double expectedMean =
                score.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        JsonNode two = nodes.get("2").get("engagement");
        assertThat(two.get("withheld").asBoolean()).isFalse();
        assertThat(two.get("respondents").asInt()).isEqualTo(8);
        assertThat(two.get("mean").asDouble()).isEqualTo(Math.round(expectedMean * 100) / 100.0);
        assertThat(nodes.get("1").get("engagement").get("mean").asDouble())
                .isEqualTo(two.get("mean").asDouble());

        for (String small : List.of("4", "5", "8", "16", "3", "6001")) {
            JsonNode e = nodes.get(small).get("engagement");
            assertThat(e.get("withheld").asBoolean()).as(small).isTrue();
            assertThat(e.get("mean").isNull()).as(small).isTrue();
            assertThat(e.get("respondents").isNull()).as(small).isTrue();
        }
        assertThat(api.json("/api/orgmap", Map.of()).get("nodes").get(0).has("engagement"))
                .isFalse();
    }

    @Test
    void employeeDetailHasManagerReportsAndPathToTop() {
        JsonNode nine = api.json("/api/employees/9", Map.of());
        assertThat(nine.get("employee").get("name").asString()).isEqualTo("Person 9");
        assertThat(nine.get("manager").get("id").asString()).isEqualTo("4");
        List<String> reports = new ArrayList<>();
        nine.get("directReports").forEach(r -> reports.add(r.get("id").asString()));
        assertThat(reports).containsExactlyInAnyOrder("18", "19");
        List<String> path = new ArrayList<>();
        nine.get("pathToTop").forEach(r -> path.add(r.get("id").asString()));
        assertThat(path).containsExactly("4", "2", "1");
        assertThat(nine.get("document").get("attributes").get("email").asString())
                .contains("person.9");

        JsonNode cyc = api.json("/api/employees/6003", Map.of());
        assertThat(cyc.get("pathToTop").size()).isEqualTo(2);
        assertThat(api.get("/api/employees/424242", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void facetsListValuesAndWithholdSmallHeadCounts() {
        JsonNode facets = api.json("/api/employees/facets", Map.of());
        Map<String, JsonNode> departments = new HashMap<>();
        facets.get("departments").forEach(d -> departments.put(d.get("value").asString(), d));
        assertThat(departments.keySet()).contains("Engineering", "Sales", "Executive", "Legal", "Ops", "Finance");
        assertThat(departments.get("Ops").get("count").asInt()).isEqualTo(5);
        assertThat(departments.get("Legal").get("count").isNull()).isTrue();
        assertThat(departments.get("Executive").get("count").isNull()).isTrue();
        assertThat(facets.get("managers").size()).isGreaterThan(900);

        JsonNode search = api.json("/api/employees", params("q", "ORPHAN"));
        assertThat(search.get("total").asInt()).isEqualTo(2);
        assertThat(api.json("/api/employees", params("q", "1024")).get("total").asInt())
                .isEqualTo(1);
    }
}
