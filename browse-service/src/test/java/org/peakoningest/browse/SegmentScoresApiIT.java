package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import com.mongodb.client.MongoDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/scores/segments}: department and sub-department filters backed by {@code segments} and
 * {@code segment_scores}, the whole history in time order, participation next to each score, min-n withholding.
 */
@TestPropertySource(properties = "browse.min-n=3")
class SegmentScoresApiIT extends BrowseApiFixture {

    private static final long JAN = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    private static final long FEB = Instant.parse("2025-02-01T00:00:00Z").getEpochSecond();
    private static final long MAR = Instant.parse("2025-03-01T00:00:00Z").getEpochSecond();
    /** The mean of the point below min-n: it must never appear in a response. */
    private static final double SECRET_MEAN = 9.87;

    final List<Document> scores = new ArrayList<>();

    @BeforeAll
    void seed() {
        MongoDatabase db = db();
        SeedData.insert(
                db,
                PeakonCollection.EMPLOYEES,
                List.of(
                        SeedData.employee(1, "Ada One", "Engineering", "Backend", null),
                        SeedData.employee(2, "Bob Two", "Engineering", "Frontend", "1"),
                        SeedData.employee(3, "Cy Three", "Sales", "Field", "1"),
                        SeedData.employee(4, "Di Four", "Sales", "Field", "3")));
        SeedData.insert(
                db,
                PeakonCollection.SEGMENTS,
                List.of(
                        SeedData.segment("101", "Engineering", "3"),
                        SeedData.segment("102", "Sales", "3"),
                        SeedData.segment("103", "Backend", "4"),
                        SeedData.segment("104", "Frontend", "4"),
                        SeedData.segment("105", "Field", "4"),
                        // A location named like a department: never the department's segment.
                        SeedData.segment("106", "Engineering", "7"),
                        SeedData.segment("107", "Copenhagen", "7"),
                        SeedData.segment("108", "All reports of Ada One", null),
                        // An id that 101 is a prefix of: its scores must not leak into segment 101's.
                        SeedData.segment("1010", "Legal", "3")));
        for (String segment : new String[] {"101", "102", "103", "106", "1010"}) {
            for (String category : new String[] {"1527150", "1527151"}) {
                for (long time : new long[] {MAR, JAN, FEB}) {
                    boolean small = segment.equals("101") && category.equals("1527151") && time == FEB;
                    boolean noParticipation = segment.equals("101") && category.equals("1527150") && time == MAR;
                    scores.add(SeedData.segmentScore(
                            segment,
                            "engagement",
                            category,
                            time,
                            small ? SECRET_MEAN : 7.5,
                            respondents(segment, small, noParticipation),
                            small ? 4 : 20));
                }
            }
        }
        SeedData.insert(db, PeakonCollection.SEGMENT_SCORES, scores);
    }

    /** 2 (under min-n) for the small point, none for the one without participation, 3 (= min-n) or 12 otherwise. */
    private static Integer respondents(String segment, boolean small, boolean noParticipation) {
        if (noParticipation) {
            return null;
        }
        return small ? 2 : segment.equals("101") ? 3 : 12;
    }

    private Set<String> seededKeys(String segment) {
        Set<String> out = new HashSet<>();
        scores.stream()
                .filter(d ->
                        d.getString("endpoint").equals("/scores/contexts/segment_" + segment + "/group/engagement"))
                .forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    private static Set<String> keys(JsonNode response) {
        Set<String> out = new HashSet<>();
        response.get("points").forEach(p -> out.add(p.get("key").asString()));
        return out;
    }

    @Test
    void departmentFilterReturnsOnlyThatDepartmentsSegmentScoresWithParticipationInTimeOrder() {
        JsonNode r = api.json("/api/scores/segments", params("department", "Engineering"));
        JsonNode segment = r.get("segment");
        assertThat(segment.get("id").asString()).isEqualTo("101");
        assertThat(segment.get("name").asString()).isEqualTo("Engineering");
        assertThat(segment.get("attribute").asString()).isEqualTo("department");
        assertThat(segment.get("attributeId").asString()).isEqualTo("3");
        assertThat(r.get("minN").asInt()).isEqualTo(3);
        assertThat(keys(r)).isEqualTo(seededKeys("101")).hasSize(6);
        assertThat(r.get("total").asInt()).isEqualTo(6);

        List<String> dates = new ArrayList<>();
        r.get("points").forEach(p -> dates.add(p.get("date").asString()));
        assertThat(dates).isSorted();
        assertThat(dates.get(0)).startsWith("2025-01-01T00:00:00");
        assertThat(dates.get(5)).startsWith("2025-03-01T00:00:00");

        JsonNode first = r.get("points").get(0);
        assertThat(first.get("withheld").asBoolean()).isFalse();
        assertThat(first.get("group").asString()).isEqualTo("engagement");
        assertThat(first.get("time").asLong()).isEqualTo(JAN);
        assertThat(first.get("mean").asDouble()).isEqualTo(7.5);
        assertThat(first.get("participation").get("responded").asInt()).isEqualTo(3);
        assertThat(first.get("participation").get("total").asInt()).isEqualTo(20);
        assertThat(first.get("participation").get("rate").asDouble()).isEqualTo(0.15);

        JsonNode sales = api.json("/api/scores/segments", params("department", "Sales"));
        assertThat(sales.get("segment").get("id").asString()).isEqualTo("102");
        assertThat(keys(sales)).isEqualTo(seededKeys("102"));
        sales.get("points").forEach(p -> {
            assertThat(p.get("withheld").asBoolean()).isFalse();
            assertThat(p.get("participation").get("responded").asInt()).isEqualTo(12);
        });
    }

    @Test
    void aPointUnderMinNIsWithheldAndItsValueNeverSent() {
        HttpResponse<String> raw = api.get("/api/scores/segments", params("department", "Engineering"));
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).doesNotContain(Double.toString(SECRET_MEAN));
        JsonNode r = ApiClient.parse(raw.body());
        List<JsonNode> withheld = new ArrayList<>();
        r.get("points").forEach(p -> {
            if (p.get("withheld").asBoolean()) {
                withheld.add(p);
            }
        });
        assertThat(withheld).hasSize(2);
        JsonNode small = withheld.stream()
                .filter(p -> p.get("key").asString().equals("engagement::segment_101::1527151::" + FEB))
                .findFirst()
                .orElseThrow();
        assertThat(small.get("mean").isNull()).isTrue();
        assertThat(small.get("nps").isNull()).isTrue();
        assertThat(small.get("grade").isNull()).isTrue();
        assertThat(small.get("participation").get("responded").isNull()).isTrue();
        assertThat(small.get("participation").get("rate").isNull()).isTrue();
        assertThat(small.get("participation").get("total").asInt()).isEqualTo(4);
        assertThat(small.get("withheldReason").asString()).isEqualTo("fewer than 3 respondents");
        assertThat(small.get("date").asString()).startsWith("2025-02-01");

        JsonNode unknown = withheld.stream()
                .filter(p -> p.get("key").asString().equals("engagement::segment_101::1527150::" + MAR))
                .findFirst()
                .orElseThrow();
        assertThat(unknown.get("mean").isNull()).isTrue();
        assertThat(unknown.get("withheldReason").asString()).startsWith("participation unknown");
    }

    @Test
    void subDepartmentFilterUsesTheSubDepartmentSegments() {
        JsonNode r = api.json("/api/scores/segments", params("subDepartment", "Backend"));
        assertThat(r.get("segment").get("id").asString()).isEqualTo("103");
        assertThat(r.get("segment").get("attribute").asString()).isEqualTo("subDepartment");
        assertThat(r.get("segment").get("attributeId").asString()).isEqualTo("4");
        assertThat(keys(r)).isEqualTo(seededKeys("103"));
        // Frontend's segment exists but has no scores stored: an empty history, not an error.
        JsonNode frontend = api.json("/api/scores/segments", params("subDepartment", "Frontend"));
        assertThat(frontend.get("segment").get("id").asString()).isEqualTo("104");
        assertThat(frontend.get("points")).isEmpty();
    }

    @Test
    void timeRangeAndCategoryNarrow() {
        JsonNode r = api.json(
                "/api/scores/segments",
                params("department", "Sales", "from", "2025-02-01", "to", "2025-02-28", "category", "1527150"));
        assertThat(keys(r)).containsExactly("engagement::segment_102::1527150::" + FEB);
        assertThat(keys(api.json("/api/scores/segments", params("department", "Sales", "group", "engagement"))))
                .isEqualTo(seededKeys("102"));
        assertThat(api.json("/api/scores/segments", params("department", "Sales", "group", "other"))
                        .get("points"))
                .isEmpty();
    }

    @Test
    void unknownOrWrongKindOfSegmentIs404AndBadCombinationsAre400() {
        for (var p : List.of(
                params("department", "Marketing"),
                params("department", "Backend"), // a sub-department, not a department
                params("department", "Copenhagen"), // a location
                params("subDepartment", "Engineering"),
                params("department", ".*"))) {
            HttpResponse<String> response = api.get("/api/scores/segments", p);
            assertThat(response.statusCode()).as("%s", p).isEqualTo(404);
            assertThat(ApiClient.parse(response.body()).get("error").asString()).isEqualTo("not_found");
        }
        assertThat(api.get("/api/scores/segments", params()).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/scores/segments", params("department", "Sales", "subDepartment", "Field"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/scores/segments", params("department", "Sales", "limit", "5"))
                        .statusCode())
                .isEqualTo(400);
    }
}
