package org.peakoningest.browse.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.browse.ApiClient.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.ApiClient;
import org.peakoningest.browse.BrowseApiFixture;
import org.peakoningest.browse.CsvReader;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The reports of issue #17 over a simulated company (300 people, 30,000 answers in six weekly rounds from
 * 2019-01-07, the drivers and the driver catalog), each checked against a computation in this test from the
 * simulator's own items.
 */
@TestPropertySource(properties = {"browse.min-n=5", "browse.users=vic:viewer-password:viewer"})
class ReportsIT extends BrowseApiFixture {

    private static final String VIEWER =
            "Basic " + Base64.getEncoder().encodeToString("vic:viewer-password".getBytes(StandardCharsets.UTF_8));
    private static final String FROM = "2019-01-07";
    private static final String TO = "2019-01-27";

    private SimulatedCompany company;
    private final Map<String, JsonNode> employees = new HashMap<>();

    @BeforeAll
    void seed() throws Exception {
        company = SimulatedCompany.crawl(300, 30_000);
        company.store(db());
        company.employees.forEach(e -> employees.put(e.path("id").asString(), e));
    }

    private static String managerOf(JsonNode employee) {
        JsonNode data = employee.path("relationships").path("Manager").path("data");
        return data.isObject() ? data.path("id").asString() : null;
    }

    /** (manager, question) -> [respondents, sum, scored], computed here from the simulator's items. */
    private Map<String, Object[]> expectedRows(boolean subtree, Set<String> scope) {
        Map<String, Object[]> cells = new HashMap<>();
        for (JsonNode a : company.answers) {
            JsonNode at = a.path("attributes");
            String day = at.path("responseAnsweredAt").asString().substring(0, 10);
            String person = at.path("employeeId").asString();
            if (day.compareTo(FROM) < 0 || day.compareTo(TO) > 0 || (scope != null && !scope.contains(person))) {
                continue;
            }
            String manager = managerOf(employees.get(person));
            Set<String> seen = new HashSet<>(Set.of(person));
            while (manager != null && seen.add(manager)) {
                Object[] cell = cells.computeIfAbsent(
                        manager + "/" + at.path("questionId").asString(),
                        k -> new Object[] {new HashSet<String>(), 0.0, 0});
                ((Set<String>) cell[0]).add(person);
                if (at.path("answerScore").isNumber()) {
                    cell[1] = (double) cell[1] + at.path("answerScore").asDouble();
                    cell[2] = (int) cell[2] + 1;
                }
                manager = subtree ? managerOf(employees.get(manager)) : null;
            }
        }
        return cells;
    }

    /** The rows as "manager/question respondents mean", for comparing sets. */
    private static Set<String> shown(Map<String, Object[]> cells, int minN) {
        Set<String> out = new HashSet<>();
        cells.forEach((key, c) -> {
            int n = ((Set<?>) c[0]).size();
            if (n >= minN) {
                Double mean = (int) c[2] == 0 ? null : Math.round((double) c[1] / (int) c[2] * 100) / 100.0;
                out.add(key + " " + n + " " + mean);
            }
        });
        return out;
    }

    private static Set<String> shown(JsonNode report) {
        Set<String> out = new HashSet<>();
        report.get("rows")
                .forEach(r -> out.add(r.get("managerId").asString() + "/"
                        + r.get("questionId").asString()
                        + " " + r.get("respondents").asInt() + " "
                        + (r.get("meanScore").isNull()
                                ? null
                                : r.get("meanScore").asDouble())));
        return out;
    }

    @Test
    void managerByQuestionRowsEqualAnIndependentComputationAndLeaveOutRowsUnderMinN() {
        JsonNode report = api.json("/api/reports/manager-questions", params("answeredFrom", FROM, "answeredTo", TO));
        Map<String, Object[]> expected = expectedRows(false, null);

        assertThat(shown(report)).isNotEmpty().isEqualTo(shown(expected, 5));
        long below = expected.values().stream()
                .filter(c -> ((Set<?>) c[0]).size() < 5)
                .count();
        assertThat(below).as("the simulated teams have rows under min-n").isPositive();
        assertThat(report.get("rowsBelowMinN").asLong()).isEqualTo(below);
        report.get("rows").forEach(r -> assertThat(r.get("respondents").asInt()).isGreaterThanOrEqualTo(5));

        // Names, the English question text, category and driver from the catalogs; unresolved ones counted.
        Map<String, String> english = new HashMap<>();
        company.answers.forEach(a -> {
            if (a.path("attributes").path("answerLocale").asString().equals("en")) {
                english.put(
                        a.path("attributes").path("questionId").asString(),
                        a.path("attributes").path("questionText").asString());
            }
        });
        int emptyDriver = 0;
        for (JsonNode r : report.get("rows")) {
            JsonNode manager = employees.get(r.get("managerId").asString()).path("attributes");
            assertThat(r.get("managerName").asString())
                    .isEqualTo(manager.path("name").asString());
            assertThat(r.get("managerIdentifier").asString())
                    .isEqualTo(manager.path("identifier").asString());
            assertThat(r.get("questionText").asString())
                    .isEqualTo(english.get(r.get("questionId").asString()));
            if (r.get("questionId").asString().equals("4101")) {
                // the simulator's second driver question: autonomy, 1527153 in the catalog
                assertThat(r.get("driver").asString()).isEqualTo("Autonomy");
                assertThat(r.get("category").asString()).isEqualTo("engagement");
            }
            emptyDriver += r.get("driver").asString().isEmpty() ? 1 : 0;
        }
        assertThat(report.get("unresolved").get("driver").asInt())
                .isEqualTo(emptyDriver)
                .isPositive();
    }

    @Test
    void theSubtreeSwitchTheScopeAndMinNNarrowOrWidenAsTheyShould() {
        JsonNode subtree = api.json(
                "/api/reports/manager-questions", params("answeredFrom", FROM, "answeredTo", TO, "subtree", "true"));
        assertThat(shown(subtree)).isEqualTo(shown(expectedRows(true, null), 5));

        String department = "Engineering";
        Set<String> engineering = new HashSet<>();
        employees.forEach((id, e) -> {
            if (department.equals(e.path("attributes").path("Department").asString())) {
                engineering.add(id);
            }
        });
        JsonNode scoped = api.json(
                "/api/reports/manager-questions",
                params("answeredFrom", FROM, "answeredTo", TO, "subtree", "true", "department", department));
        assertThat(shown(scoped)).isEqualTo(shown(expectedRows(true, engineering), 5));
        assertThat(scoped.get("rows").size()).isLessThan(subtree.get("rows").size());

        JsonNode stricter = api.json(
                "/api/reports/manager-questions",
                params("answeredFrom", FROM, "answeredTo", TO, "subtree", "true", "minN", "40"));
        assertThat(shown(stricter)).isEqualTo(shown(expectedRows(true, null), 40));
        assertThat(stricter.get("rows").size()).isLessThan(subtree.get("rows").size());

        HttpResponse<String> lower =
                api.get("/api/reports/manager-questions", params("answeredFrom", FROM, "answeredTo", TO, "minN", "2"));
        assertThat(lower.statusCode()).isEqualTo(400);
        assertThat(lower.body()).contains("cannot be lower than BROWSE_MIN_N");
        assertThat(api.get("/api/reports/manager-questions", params("answeredFrom", FROM))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theCsvHasTheJsonRowsAndANameWithTheWindow() {
        Map<String, String> window = params("answeredFrom", FROM, "answeredTo", TO);
        JsonNode json = api.json("/api/reports/manager-questions", window);
        HttpResponse<String> csv = api.get("/api/reports/manager-questions.csv", window);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("manager-questions_2019-01-07_2019-01-27.csv");
        assertThat(csv.body()).startsWith("\uFEFFmanagerId,managerIdentifier,managerName,questionId,questionText");
        List<List<String>> lines = CsvReader.parse(csv.body().substring(1));
        assertThat(lines).hasSize(json.get("rows").size() + 1);
        for (int i = 0; i < json.get("rows").size(); i++) {
            JsonNode r = json.get("rows").get(i);
            assertThat(lines.get(i + 1))
                    .containsExactly(
                            r.get("managerId").asString(),
                            r.get("managerIdentifier").asString(),
                            r.get("managerName").asString(),
                            r.get("questionId").asString(),
                            r.get("questionText").asString(),
                            r.get("category").asString(),
                            r.get("driver").asString(),
                            r.get("subDriver").asString(),
                            r.get("respondents").asString(),
                            r.get("meanScore").isNull()
                                    ? ""
                                    : r.get("meanScore").asString());
        }
    }

    @Test
    void headcountsAddUpAndAViewerSeesThemOnlyFromMinN() {
        JsonNode analyst = api.json("/api/reports/headcount", Map.of());
        assertThat(analyst.get("total").asInt()).isEqualTo(300);
        int departments = 0;
        for (JsonNode d : analyst.get("departments")) {
            departments += d.get("people").asInt();
        }
        assertThat(departments).isEqualTo(300);
        int direct = 0;
        for (JsonNode m : analyst.get("managers")) {
            direct += m.get("directReports").asInt();
        }
        assertThat(direct).as("everyone but the CEO has a manager").isEqualTo(299);
        assertThat(analyst.get("managers").get(0).has("managerIdentifier")).isTrue();
        String ceo = company.employees.stream()
                .filter(e -> managerOf(e) == null)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        analyst.get("managers").forEach(m -> {
            if (m.get("managerId").asString().equals(ceo)) {
                assertThat(m.get("subtree").asInt()).isEqualTo(299);
            }
        });

        JsonNode viewer = ApiClient.parse(
                api.get("/api/reports/headcount", Map.of(), VIEWER).body());
        boolean someWithheld = false;
        for (JsonNode m : viewer.get("managers")) {
            assertThat(m.get("managerIdentifier").isNull()).isTrue();
            if (m.get("directReports").isNull()) {
                someWithheld = true;
            } else {
                assertThat(m.get("directReports").asInt()).isGreaterThanOrEqualTo(5);
            }
        }
        assertThat(someWithheld).as("teams under 5 are withheld for a viewer").isTrue();
        // No subtraction counts fewer than 5 people: the total minus the departments shown, a subtree minus its
        // direct reports.
        int shownDepartments = 0;
        for (JsonNode d : viewer.get("departments")) {
            shownDepartments += d.get("people").isNull() ? 0 : d.get("people").asInt();
        }
        int rest = viewer.get("total").asInt() - shownDepartments;
        assertThat(rest == 0 || rest >= 5)
                .as("the total minus the shown departments: %s", rest)
                .isTrue();
        for (JsonNode m : viewer.get("managers")) {
            if (!m.get("subtree").isNull() && !m.get("directReports").isNull()) {
                int deeper = m.get("subtree").asInt() - m.get("directReports").asInt();
                assertThat(deeper == 0 || deeper >= 5)
                        .as("subtree minus direct reports: %s", deeper)
                        .isTrue();
            }
        }
        HttpResponse<String> csv = api.get("/api/reports/headcount.csv", Map.of());
        assertThat(csv.body()).startsWith("\uFEFFmanagerId,").contains("\r\n(total),300\r\n");
    }

    @Test
    void peopleDatesListMonthAndDayNeverTheYearCountWhatIsUnusableAndAreAnAnalysts() {
        JsonNode report = api.json("/api/reports/people-dates", params("month", "3", "year", "2026"));
        Set<String> birthdays = new HashSet<>();
        Set<String> anniversaries = new HashSet<>();
        int[] birthdayProblems = new int[2];
        int[] startProblems = new int[2];
        for (JsonNode e : company.employees) {
            JsonNode at = e.path("attributes");
            LocalDate born = date(at.path("Date of Birth").asString(), birthdayProblems);
            if (born != null && born.getMonthValue() == 3) {
                birthdays.add(e.path("id").asString() + " " + born.getDayOfMonth());
            }
            LocalDate start = date(at.path("employmentStart").asString(), startProblems);
            if (start != null && start.getMonthValue() == 3 && start.getYear() < 2026) {
                anniversaries.add(
                        e.path("id").asString() + " " + start.getDayOfMonth() + " " + (2026 - start.getYear()));
            }
        }
        Set<String> listed = new HashSet<>();
        report.get("birthdays")
                .forEach(b ->
                        listed.add(b.get("id").asString() + " " + b.get("day").asInt()));
        assertThat(listed).isNotEmpty().isEqualTo(birthdays);
        Set<String> listedAnniversaries = new HashSet<>();
        report.get("anniversaries")
                .forEach(a -> listedAnniversaries.add(a.get("id").asString() + " "
                        + a.get("day").asInt() + " " + a.get("years").asInt()));
        assertThat(listedAnniversaries).isNotEmpty().isEqualTo(anniversaries);
        assertThat(report.get("birthdaysUnusable").get("missing").asInt()).isEqualTo(birthdayProblems[0]);
        assertThat(report.get("birthdaysUnusable").get("unparseable").asInt()).isEqualTo(birthdayProblems[1]);
        assertThat(birthdayProblems[0] + birthdayProblems[1])
                .as("the simulator's malformed values")
                .isPositive();
        assertThat(report.get("startDatesUnusable").get("unparseable").asInt()).isEqualTo(startProblems[1]);
        // The year of birth is read, never shown: no birthday entry carries a year or a full date.
        report.get("birthdays").forEach(b -> {
            assertThat(b.has("year")).isFalse();
            JsonNode born =
                    employees.get(b.get("id").asString()).path("attributes").path("Date of Birth");
            assertThat(b.toString())
                    .doesNotContain(born.asString(), born.asString().substring(0, 4));
        });
        HttpResponse<String> csv = api.get("/api/reports/people-dates.csv", params("month", "3", "year", "2026"));
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("people-dates_2026-03.csv");
        assertThat(csv.body()).doesNotContainPattern("birthday,[^\\r]*,(19[6-9][0-9]|200[0-3])");

        // A viewer reaches neither people dates nor per-manager question rows.
        for (String path : List.of(
                "/api/reports/people-dates",
                "/api/reports/people-dates.csv",
                "/api/reports/manager-questions",
                "/api/reports/manager-questions.csv")) {
            assertThat(api.get(path, params("month", "3", "answeredFrom", FROM, "answeredTo", TO), VIEWER)
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void theOrgMapColouredByADriverShowsWhatItIsAndHowManyItCovers() {
        JsonNode map = api.json("/api/orgmap", params("colour", "driver", "driver", "1527153"));
        JsonNode metric = map.get("view").get("metric");
        assertThat(metric.get("label").asString()).isEqualTo("driver Autonomy");
        assertThat(metric.get("source").asString()).contains("answers_export");

        Set<String> respondents = new HashSet<>();
        double sum = 0;
        int n = 0;
        for (JsonNode a : company.answers) {
            JsonNode at = a.path("attributes");
            if (at.path("categoryId").asString().equals("1527153")
                    && at.path("answerScore").isNumber()) {
                respondents.add(at.path("employeeId").asString());
                sum += at.path("answerScore").asDouble();
                n++;
            }
        }
        assertThat(metric.get("respondents").asInt()).isEqualTo(respondents.size());
        String root = map.get("roots").get(0).asString();
        for (JsonNode node : map.get("nodes")) {
            if (node.get("id").asString().equals(root)) {
                assertThat(node.get("engagement").get("mean").asDouble()).isEqualTo(Math.round(sum / n * 100) / 100.0);
                assertThat(node.get("engagement").get("respondents").asInt()).isEqualTo(respondents.size());
            }
        }
        assertThat(api.get("/api/orgmap", params("colour", "driver", "driver", "1527153"), VIEWER)
                        .statusCode())
                .isEqualTo(400);
        JsonNode viewer = ApiClient.parse(
                api.get("/api/orgmap", params("colour", "engagement", "from", "2019-01", "to", "2019-01"), VIEWER)
                        .body());
        assertThat(viewer.get("view").get("metric").get("label").asString()).isEqualTo("category group engagement");
    }

    private static LocalDate date(String value, int[] problems) {
        if (value == null || value.isBlank()) {
            problems[0]++;
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems[1]++;
            return null;
        }
    }
}
