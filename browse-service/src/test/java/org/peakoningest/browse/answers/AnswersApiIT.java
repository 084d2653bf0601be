package org.peakoningest.browse.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.CsvReader;
import org.peakoningest.browse.SeedData;
import org.peakoningest.common.PeakonCollection;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The answers API against a real Mongo endpoint: every filter is checked against the same filter applied in Java
 * to the seeded model, so "narrows correctly" means "returns exactly the expected answers".
 */
@TestPropertySource(properties = "browse.min-n=5")
class AnswersApiIT extends BrowseApiFixture {

    record A(
            int id,
            int employee,
            int question,
            String questionText,
            String group,
            Integer score,
            String comment,
            String answeredAt) {}

    private static final Map<Integer, String> QUESTIONS = Map.of(
            1, "How likely is it you would recommend the company?",
            2, "Do you have the tools to do your job?",
            3, "Comment on inclusion");
    private static final Set<Integer> ENGINEERING = Set.of(101, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119);
    private static final Set<Integer> SALES = Set.of(102, 120, 121, 122);
    private static final Set<Integer> DATA = Set.of(115, 116, 117, 118, 119);
    private static final Set<Integer> BELOW_115 = Set.of(116, 117, 118, 119);

    final List<A> model = new ArrayList<>();

    @BeforeAll
    void seed() {
        List<Document> employees = new ArrayList<>(List.of(
                SeedData.employee(100, "Cleo Chief", "Executive", "Leadership", null),
                SeedData.employee(101, "Erin Engineer", "Engineering", "Engineering Leadership", "100"),
                SeedData.employee(102, "Sam Sales", "Sales", "Sales Leadership", "100")));
        for (int e = 110; e <= 119; e++) {
            String manager = e >= 116 ? "115" : "101";
            employees.add(SeedData.employee(e, "Eng " + e, "Engineering", e < 115 ? "Platform" : "Data", manager));
        }
        for (int e = 120; e <= 122; e++) {
            employees.add(SeedData.employee(e, "Seller " + e, "Sales", "North", "102"));
        }
        SeedData.insert(db(), PeakonCollection.EMPLOYEES, employees);

        List<Document> answers = new ArrayList<>();
        for (int e = 110; e <= 122; e++) {
            for (int k = 0; k < 4; k++) {
                int question = k == 3 ? 1 : k + 1;
                String group = question == 3 ? "diversity_inclusion" : "engagement";
                Integer score = switch (k) {
                    case 0 -> (e + k) % 11;
                    case 1 -> (e * 3) % 11;
                    case 3 -> (e + 5) % 11;
                    default -> null;
                };
                String comment = switch (k) {
                    case 0 -> e % 3 == 0 ? "Love the team" : null;
                    case 1 -> e % 2 == 0 ? "Too many meetings, (50%+) [sic]" : "";
                    case 2 ->
                        e == 115 ? "Great team .* $where {\"$gt\": \"\"}" : e == 116 ? "Our MANAGER is great" : "n/a";
                    default -> null;
                };
                String at = String.format("2025-%02d-%02dT10:%02d:00.000Z", k + 1, 1 + e % 28, k);
                A a = new A(e * 10 + k, e, question, QUESTIONS.get(question), group, score, comment, at);
                model.add(a);
                answers.add(SeedData.answer(
                        a.id, a.employee, a.question, a.questionText, a.group, a.score, a.comment, a.answeredAt));
            }
        }
        SeedData.insert(db(), PeakonCollection.ANSWERS_EXPORT, answers);
    }

    private Set<String> expected(Predicate<A> filter) {
        Set<String> out = new HashSet<>();
        model.stream().filter(filter).forEach(a -> out.add(Integer.toString(a.id)));
        return out;
    }

    private static boolean containsIgnoreCase(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase().contains(needle.toLowerCase());
    }

    private static boolean hasComment(A a) {
        return a.comment != null && !a.comment.isEmpty();
    }

    private Set<String> apiIds(Map<String, String> filter) {
        Map<String, String> p = new LinkedHashMap<>(filter);
        p.put("limit", "500");
        JsonNode page = api.json("/api/answers", p);
        List<String> ids = ApiClient.ids(page);
        assertThat(page.get("total").asLong()).isEqualTo(ids.size());
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return new HashSet<>(ids);
    }

    @Test
    void everyFilterNarrowsToExactlyTheMatchingAnswers() {
        Map<Map<String, String>, Predicate<A>> cases = new LinkedHashMap<>();
        cases.put(params("q", "MEETINGS"), a -> containsIgnoreCase(a.comment, "meetings"));
        cases.put(params("q", "recommend"), a -> containsIgnoreCase(a.questionText, "recommend"));
        cases.put(params("q", "team"), a -> containsIgnoreCase(a.comment, "team"));
        cases.put(params("employeeId", "113"), a -> a.employee == 113);
        cases.put(params("questionId", "2"), a -> a.question == 2);
        cases.put(params("scoreMin", "3", "scoreMax", "6"), a -> a.score != null && a.score >= 3 && a.score <= 6);
        cases.put(params("scoreMin", "7.5"), a -> a.score != null && a.score >= 7.5);
        cases.put(
                params("answeredFrom", "2025-02-01", "answeredTo", "2025-03-31"),
                a -> a.answeredAt.startsWith("2025-02") || a.answeredAt.startsWith("2025-03"));
        cases.put(params("answeredFrom", "2025-04-01T00:00:00Z"), a -> a.answeredAt.startsWith("2025-04"));
        cases.put(params("department", "Sales"), a -> SALES.contains(a.employee));
        cases.put(params("subDepartment", "Data"), a -> DATA.contains(a.employee));
        cases.put(params("manager", "101"), a -> ENGINEERING.contains(a.employee));
        cases.put(params("manager", "115"), a -> BELOW_115.contains(a.employee));
        cases.put(params("hasComment", "true"), AnswersApiIT::hasComment);
        cases.put(params("hasComment", "false"), a -> !hasComment(a));
        cases.put(params("categoryGroup", "diversity_inclusion"), a -> a.group.equals("diversity_inclusion"));

        cases.forEach((filter, predicate) -> {
            Set<String> expected = expected(predicate);
            assertThat(expected).as("fixture for %s", filter).isNotEmpty().hasSizeLessThan(model.size());
            assertThat(apiIds(filter)).as("filter %s", filter).isEqualTo(expected);
        });
    }

    @Test
    void combinedFiltersIntersect() {
        Map<String, String> combined = params(
                "department",
                "Engineering",
                "scoreMin",
                "5",
                "hasComment",
                "true",
                "answeredFrom",
                "2025-01-01",
                "answeredTo",
                "2025-02-28");
        Set<String> expected = expected(a -> ENGINEERING.contains(a.employee)
                && a.score != null
                && a.score >= 5
                && hasComment(a)
                && a.answeredAt.compareTo("2025-03") < 0);

        Set<String> intersection = new HashSet<>(apiIds(params("department", "Engineering")));
        intersection.retainAll(apiIds(params("scoreMin", "5")));
        intersection.retainAll(apiIds(params("hasComment", "true")));
        intersection.retainAll(apiIds(params("answeredFrom", "2025-01-01", "answeredTo", "2025-02-28")));

        assertThat(expected).isNotEmpty();
        assertThat(apiIds(combined)).isEqualTo(expected).isEqualTo(intersection);
        assertThat(apiIds(params("department", "Sales", "subDepartment", "Data")))
                .isEmpty();
        assertThat(apiIds(params("manager", "101", "subDepartment", "Data")))
                .isEqualTo(expected(a -> DATA.contains(a.employee)));
    }

    @Test
    void pagingIsStableAndCoversEverythingOnceInSortOrder() {
        List<String> all =
                ApiClient.ids(api.json("/api/answers", params("sort", "score", "order", "desc", "limit", "500")));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 7) {
            JsonNode page = api.json(
                    "/api/answers",
                    params("sort", "score", "order", "desc", "limit", "7", "offset", Integer.toString(offset)));
            assertThat(page.get("total").asInt()).isEqualTo(model.size());
            paged.addAll(ApiClient.ids(page));
        }
        assertThat(paged).isEqualTo(all).hasSize(model.size()).doesNotHaveDuplicates();

        // the order is score descending (answers without a score last), ties broken by answer id descending
        Map<String, A> byId = new LinkedHashMap<>();
        model.forEach(a -> byId.put(Integer.toString(a.id), a));
        List<String> expectedOrder = model.stream()
                .sorted(Comparator.comparing((A a) -> a.score == null ? Integer.MIN_VALUE : a.score)
                        .thenComparing(A::id)
                        .reversed())
                .map(a -> Integer.toString(a.id))
                .toList();
        assertThat(all).isEqualTo(expectedOrder);
        assertThat(api.json("/api/answers", params("limit", "5", "offset", "9999"))
                        .get("items"))
                .isEmpty();
    }

    @Test
    void unscoredAnswersComeLastInEitherDirectionAcrossPagesAndInTheCsv() {
        for (String order : List.of("asc", "desc")) {
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < model.size(); offset += 7) {
                paged.addAll(ApiClient.ids(api.json(
                        "/api/answers",
                        params("sort", "score", "order", order, "limit", "7", "offset", Integer.toString(offset)))));
            }
            Comparator<A> byScore = Comparator.comparing((A a) -> a.score).thenComparing(A::id);
            List<String> expected = new ArrayList<>();
            model.stream()
                    .filter(a -> a.score != null)
                    .sorted(order.equals("asc") ? byScore : byScore.reversed())
                    .forEach(a -> expected.add(Integer.toString(a.id)));
            Comparator<A> byId = Comparator.comparing(A::id);
            model.stream()
                    .filter(a -> a.score == null)
                    .sorted(order.equals("asc") ? byId : byId.reversed())
                    .forEach(a -> expected.add(Integer.toString(a.id)));
            assertThat(paged).as("score %s, blanks last", order).isEqualTo(expected);
            List<List<String>> csv =
                    CsvReader.parse(api.get("/api/answers/export.csv", params("sort", "score", "order", order))
                            .body()
                            .substring(1));
            assertThat(csv.subList(1, csv.size()).stream()
                            .map(row -> row.get(0))
                            .toList())
                    .as("CSV score %s", order)
                    .isEqualTo(expected);
        }
    }

    @Test
    void listingItemsNameTheRespondentFromTheDirectory() {
        JsonNode page = api.json("/api/answers", params("employeeId", "115", "limit", "500"));
        assertThat(page.get("items")).isNotEmpty();
        for (JsonNode item : page.get("items")) {
            JsonNode employee = item.get("employee");
            assertThat(employee.get("name").asString()).isEqualTo("Eng 115");
            assertThat(employee.get("department").asString()).isEqualTo("Engineering");
            assertThat(employee.get("subDepartment").asString()).isEqualTo("Data");
        }
        JsonNode sales = api.json("/api/answers", params("department", "Sales", "limit", "500"));
        assertThat(sales.get("items"))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(
                                item.get("employee").get("department").asString())
                        .isEqualTo("Sales"));
    }

    @Test
    void facetsOfferTheCategoryGroupsPresentInTheAnswers() {
        JsonNode facets = api.json("/api/answers/facets", Map.of());
        List<String> groups = new ArrayList<>();
        facets.get("categoryGroups").forEach(g -> groups.add(g.asString()));
        assertThat(groups).containsExactly("diversity_inclusion", "engagement");
        assertThat(api.get("/api/answers/facets", params("x", "1")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void csvExportHasTheSameRowsAndValuesAsTheJson() {
        Map<String, String> filter =
                params("department", "Engineering", "hasComment", "true", "sort", "answerId", "order", "asc");
        JsonNode json = api.json("/api/answers", withLimit(filter));
        HttpResponse<String> csv = api.get("/api/answers/export.csv", filter);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment; filename=\"answers-"));
        // A UTF-8 byte-order mark first, so that Excel does not garble é, ü or emoji.
        assertThat(csv.body()).startsWith("\uFEFFanswerId,");
        List<List<String>> rows = CsvReader.parse(csv.body().substring(1));
        List<String> header = rows.get(0);
        assertThat(header).startsWith("answerId", "responseAnsweredAt", "employeeId", "accountEmail");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(json.get("items").size()).isNotEmpty();
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = json.get("items").get(i);
            JsonNode attributes = item.get("attributes");
            List<String> row = data.get(i);
            assertThat(row.get(header.indexOf("answerId")))
                    .isEqualTo(item.get("_id").asString());
            assertThat(row.get(header.indexOf("employeeId")))
                    .isEqualTo(attributes.get("employeeId").asString());
            assertThat(row.get(header.indexOf("answerComment")))
                    .isEqualTo(attributes.get("answerComment").asString());
            assertThat(row.get(header.indexOf("answerScore")))
                    .isEqualTo(
                            attributes.get("answerScore").isNull()
                                    ? ""
                                    : attributes.get("answerScore").asString());
            assertThat(row.get(header.indexOf("questionText")))
                    .isEqualTo(attributes.get("questionText").asString());
            assertThat(row.get(header.indexOf("run_id"))).isEqualTo(SeedData.RUN);
        }
        HttpResponse<String> all = api.get("/api/answers/export.csv", Map.of());
        assertThat(CsvReader.parse(all.body().substring(1))).hasSize(model.size() + 1);
        assertThat(api.get("/api/answers/export.csv", params("limit", "5")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrLeavesFourDigitYearsIsRefusedNotSilentlyEmpty() {
        HttpResponse<String> reversed =
                api.get("/api/answers", params("answeredFrom", "2025-04-01", "answeredTo", "2025-03-01"));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("answeredFrom is after answeredTo");
        assertThat(api.get("/api/answers/export.csv", params("answeredFrom", "2025-04-01", "answeredTo", "2025-03-01"))
                        .statusCode())
                .isEqualTo(400);
        // One day is a window: from and to the same date.
        Set<String> fourthOfMarch = expected(a -> a.answeredAt.startsWith("2025-03-04"));
        assertThat(fourthOfMarch).isNotEmpty();
        assertThat(apiIds(params("answeredFrom", "2025-03-04", "answeredTo", "2025-03-04")))
                .isEqualTo(fourthOfMarch);
        // A year above 9999 used to be formatted "+10000-…", which sorts before every stored date: refused now.
        HttpResponse<String> farFuture = api.get("/api/answers", params("answeredFrom", "+10000-01-01T00:00:00Z"));
        assertThat(farFuture.statusCode()).isEqualTo(400);
        assertThat(farFuture.body()).contains("between 0001-01-01 and 9999-12-31");
        // The last day there is still ends after every answer.
        assertThat(apiIds(params("answeredTo", "9999-12-31"))).isEqualTo(expected(a -> true));
    }

    @Test
    void injectionAttemptsAreLiteralTextOrRefused() {
        assertThat(apiIds(params("q", ".*"))).isEqualTo(Set.of("1152"));
        assertThat(apiIds(params("q", "$where"))).isEqualTo(Set.of("1152"));
        assertThat(apiIds(params("q", "{\"$gt\": \"\"}"))).isEqualTo(Set.of("1152"));
        assertThat(apiIds(params("q", "("))).isEqualTo(expected(a -> containsIgnoreCase(a.comment, "(")));
        assertThat(apiIds(params("q", "[sic"))).isEqualTo(expected(a -> containsIgnoreCase(a.comment, "[sic")));
        assertThat(apiIds(params("q", "\\"))).isEmpty();
        assertThat(apiIds(params("q", "m.etings"))).isEmpty();
        assertThat(apiIds(params("department", "{\"$ne\": null}"))).isEmpty();
        assertThat(apiIds(params("manager", "{\"$exists\": true}"))).isEmpty();
        assertThat(apiIds(params("categoryGroup", "{\"$regex\": \".*\"}"))).isEmpty();

        for (Map<String, String> bad : List.of(
                params("employeeId", "{\"$gt\":0}"),
                params("scoreMin", "$gt"),
                params("employeeId[$ne]", "1"),
                params("answeredFrom", "{\"$gte\":\"\"}"),
                params("hasComment", "{\"$exists\":true}"),
                params("limit", "100000"),
                params("sort", "$natural"))) {
            HttpResponse<String> response = api.get("/api/answers", bad);
            assertThat(response.statusCode()).as("%s", bad).isEqualTo(400);
            assertThat(ApiClient.parse(response.body()).get("error").asString()).isEqualTo("bad_request");
        }
    }

    @Test
    void summaryWithholdsTheMeanBehindFewerThanMinNRespondents() {
        JsonNode sales = api.json("/api/answers/summary", params("department", "Sales"));
        assertThat(sales.get("withheld").asBoolean()).isTrue();
        assertThat(sales.get("meanScore").isNull()).isTrue();
        assertThat(sales.get("respondents").isNull()).isTrue();
        assertThat(sales.get("answers").asInt()).isEqualTo(12);

        JsonNode engineering = api.json("/api/answers/summary", params("department", "Engineering"));
        double expectedMean = model.stream()
                .filter(a -> ENGINEERING.contains(a.employee) && a.score != null)
                .mapToInt(A::score)
                .average()
                .orElseThrow();
        assertThat(engineering.get("withheld").asBoolean()).isFalse();
        assertThat(engineering.get("respondents").asInt()).isEqualTo(10);
        assertThat(engineering.get("meanScore").asDouble()).isEqualTo(Math.round(expectedMean * 100) / 100.0);
    }

    private static Map<String, String> withLimit(Map<String, String> filter) {
        Map<String, String> p = new LinkedHashMap<>(filter);
        p.put("limit", "500");
        return p;
    }
}
