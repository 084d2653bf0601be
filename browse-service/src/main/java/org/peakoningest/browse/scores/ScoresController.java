package org.peakoningest.browse.scores;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.anonymity.Anonymity;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.security.Role;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.PageResponse;
import org.peakoningest.browse.web.Paging;
import org.peakoningest.browse.web.Params;
import org.peakoningest.browse.web.TextMatch;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/scores/contexts} and {@code /api/scores/drivers}: the category-score items, filtered and paged, plus
 * {@code /api/scores/department-trend}, an employee-scoped score series computed from answers.
 */
@RestController
@RequestMapping("/api/scores")
class ScoresController {

    static final String NO_EMPLOYEE_LINK = "department/sub-department on scores: Peakon's company-context score "
            + "items carry no employee or segment link, so only items that reference an employee "
            + "(attributes.employeeId or relationships.employee) can match; for an employee-scoped series use "
            + "/api/scores/department-trend";
    private static final Set<String> FILTERS =
            Set.of("grade", "impact", "from", "to", "category", "group", "department", "subDepartment");
    private static final Set<String> TREND_PARAMS =
            Set.of("department", "subDepartment", "manager", "categoryGroup", "from", "to");
    private static final Map<String, String> SORTS = Map.of(
            "time", "attributes.scores.time",
            "mean", "attributes.scores.mean",
            "nps", "attributes.scores.nps",
            "grade", "attributes.grade",
            "category", "id",
            "id", "_id");

    record TrendPoint(
            String period,
            Double meanScore,
            Integer respondents,
            boolean withheld,
            @JsonInclude(Include.NON_NULL) String withheldReason) {}

    record Trend(String categoryGroup, Integer people, int minN, List<TrendPoint> series) {}

    private final BrowseMongo mongo;
    private final EmployeeDirectory directory;
    private final BrowseProperties properties;
    private final Anonymity anonymity;

    ScoresController(BrowseMongo mongo, EmployeeDirectory directory, BrowseProperties properties, Anonymity anonymity) {
        this.mongo = mongo;
        this.directory = directory;
        this.properties = properties;
        this.anonymity = anonymity;
    }

    @GetMapping("/contexts")
    PageResponse<Document> contexts(HttpServletRequest request) {
        return list(Params.of(request.getParameterMap(), FILTERS, Paging.PARAMS), PeakonCollection.SCORES_CONTEXTS);
    }

    @GetMapping("/drivers")
    PageResponse<Document> drivers(HttpServletRequest request) {
        return list(
                Params.of(request.getParameterMap(), FILTERS, Set.of("driverId"), Paging.PARAMS),
                PeakonCollection.SCORES_BY_DRIVER);
    }

    private PageResponse<Document> list(Params p, PeakonCollection collection) {
        Paging paging = Paging.from(p, properties.maxLimit(), SORTS, "time", "desc");
        List<Bson> and = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        p.text("grade").ifPresent(v -> and.add(Filters.eq("attributes.grade", v)));
        p.text("impact").ifPresent(v -> and.add(Filters.eq("attributes.impact", v)));
        p.text("category").ifPresent(v -> and.add(Filters.eq("id", v)));
        // The document key starts with the score group ("engagement::1527152::…"): an anchored, escaped prefix.
        p.text("group").ifPresent(v -> and.add(Filters.regex("_id", "^" + TextMatch.escape(v + "::"))));
        if (collection == PeakonCollection.SCORES_BY_DRIVER) {
            p.text("driverId").ifPresent(v -> and.add(Filters.eq(DocumentFields.DRIVER_ID, v)));
        }
        // Peakon's times are epoch seconds, older items may hold ISO strings: ScoreTime matches either (issue #13).
        p.timeFrom("from").ifPresent(t -> and.add(ScoreTime.from(t)));
        p.timeToExclusive("to").ifPresent(t -> and.add(ScoreTime.toExclusive(t)));
        Optional<Set<String>> people =
                directory.resolve(p.text("department"), p.text("subDepartment"), Optional.empty());
        people.ifPresent(ids -> {
            List<Object> idValues = EmployeeDirectory.idValues(ids);
            and.add(Filters.or(
                    Filters.in("attributes.employeeId", idValues),
                    Filters.in("relationships.employee.data.id", idValues)));
            notices.add(NO_EMPLOYEE_LINK);
        });
        return paging.find(mongo.data(collection), Docs.allOf(and), notices);
    }

    /**
     * Mean answer score per month for the people a department / sub-department / manager filter selects, from
     * {@code answers_export} (category group {@code engagement} unless given). A month with fewer than
     * {@code BROWSE_MIN_N} distinct respondents is withheld: no mean, no counts.
     */
    @GetMapping("/department-trend")
    Trend departmentTrend(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), TREND_PARAMS);
        Optional<Set<String>> people =
                directory.resolve(p.text("department"), p.text("subDepartment"), p.text("manager"));
        if (people.isEmpty()) {
            throw new BadRequestException("give department, subDepartment or manager");
        }
        String group = p.text("categoryGroup").orElse("engagement");
        if (Role.of(request) == Role.VIEWER) {
            return viewerTrend(p, group, people.get().size());
        }
        List<Bson> and = new ArrayList<>(List.of(
                Filters.in("attributes.employeeId", EmployeeDirectory.idValues(people.get())),
                Filters.eq("attributes.categoryGroup", group),
                Filters.ne("attributes.answerScore", null)));
        p.timeFrom("from").ifPresent(t -> and.add(Filters.gte("attributes.responseAnsweredAt", t)));
        p.timeToExclusive("to").ifPresent(t -> and.add(Filters.lt("attributes.responseAnsweredAt", t)));
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Set<String>> respondents = new HashMap<>();
        for (Document doc : mongo.data(PeakonCollection.ANSWERS_EXPORT)
                .find(Filters.and(and))
                .projection(Projections.include(
                        "attributes.employeeId", "attributes.answerScore", "attributes.responseAnsweredAt"))
                .batchSize(2000)) {
            String at = Docs.text(doc, "attributes.responseAnsweredAt");
            Double score = Docs.number(doc, "attributes.answerScore");
            if (at == null || at.length() < 7 || score == null) {
                continue;
            }
            String month = at.substring(0, 7);
            double[] s = sums.computeIfAbsent(month, k -> new double[2]);
            s[0] += score;
            s[1]++;
            respondents
                    .computeIfAbsent(month, k -> new HashSet<>())
                    .add(String.valueOf(Docs.at(doc, "attributes.employeeId")));
        }
        List<TrendPoint> series = new ArrayList<>();
        sums.forEach((month, s) -> {
            int n = respondents.get(month).size();
            boolean withheld = n < properties.minN();
            series.add(new TrendPoint(
                    month,
                    withheld ? null : Math.round(s[0] / s[1] * 100) / 100.0,
                    withheld ? null : n,
                    withheld,
                    withheld ? "fewer than " + properties.minN() + " respondents" : null));
        });
        int headCount = people.get().size();
        return new Trend(group, headCount < properties.minN() ? null : headCount, properties.minN(), series);
    }

    /**
     * A viewer's trend: the months of one group of people (a manager's filter is the manager's organisation, the
     * manager included), each month judged with every other figure a viewer can get (docs/browse.md, "Anonymity").
     */
    private Trend viewerTrend(Params p, String categoryGroup, int reportsOrMembers) {
        String group = Anonymity.group(p.text("department"), p.text("subDepartment"), p.text("manager"));
        YearMonth from = Anonymity.month(p, "from", false);
        YearMonth to = Anonymity.month(p, "to", true);
        List<TrendPoint> series = anonymity.monthly(group, categoryGroup, from, to).stream()
                .map(m -> new TrendPoint(
                        m.period(),
                        m.figure().meanScore(),
                        m.figure().respondents(),
                        m.figure().withheld(),
                        m.figure().withheldReason()))
                .toList();
        int headCount = reportsOrMembers + (p.text("manager").isPresent() ? 1 : 0);
        return new Trend(categoryGroup, headCount < properties.minN() ? null : headCount, properties.minN(), series);
    }
}
