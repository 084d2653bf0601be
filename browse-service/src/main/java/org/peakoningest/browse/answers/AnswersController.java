package org.peakoningest.browse.answers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Projections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.anonymity.Anonymity;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.people.Person;
import org.peakoningest.browse.security.Role;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.Csv;
import org.peakoningest.browse.web.PageResponse;
import org.peakoningest.browse.web.Paging;
import org.peakoningest.browse.web.Params;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/answers}: the filtered, paged listing, its summary and its CSV export. */
@RestController
@RequestMapping("/api/answers")
class AnswersController {

    /**
     * The answers summary. For an analyst the counts of answers are always there and only the respondents and mean
     * are withheld under min-n; for a viewer everything is withheld with the figure, and {@code group} names the group
     * of the lattice the figure is of.
     */
    record Summary(
            Long answers,
            Long scoredAnswers,
            Integer respondents,
            Double meanScore,
            boolean withheld,
            @JsonInclude(Include.NON_NULL) String withheldReason,
            int minN,
            @JsonInclude(Include.NON_NULL) String group,
            @JsonInclude(Include.NON_NULL) String categoryGroup) {}

    /** What a viewer may filter a summary by: one group of people, a category group, whole months. */
    static final Set<String> VIEWER_PARAMS =
            Set.of("department", "subDepartment", "manager", "categoryGroup", "answeredFrom", "answeredTo");

    private final BrowseMongo mongo;
    private final EmployeeDirectory directory;
    private final BrowseProperties properties;
    private final Anonymity anonymity;

    AnswersController(
            BrowseMongo mongo, EmployeeDirectory directory, BrowseProperties properties, Anonymity anonymity) {
        this.mongo = mongo;
        this.directory = directory;
        this.properties = properties;
        this.anonymity = anonymity;
    }

    /**
     * One page of answers (blanks last in either direction), each item the stored document plus {@code employee}:
     * the respondent's {@code name}, {@code department}, {@code subDepartment} (and {@code left}) from the directory,
     * read in one query for the whole page; null when the directory has nobody of that id.
     */
    @GetMapping
    PageResponse<Document> list(HttpServletRequest request) {
        Params params = Params.of(request.getParameterMap(), AnswerFilter.FILTER_PARAMS, Paging.PARAMS);
        Paging paging = Paging.from(params, properties.maxLimit(), AnswerFilter.SORTS, "answeredAt", "desc");
        PageResponse<Document> page = paging.find(
                mongo.data(PeakonCollection.ANSWERS_EXPORT), AnswerFilter.from(params, directory), List.of());
        Set<String> ids = new HashSet<>();
        page.items().forEach(doc -> {
            Object id = Docs.at(doc, "attributes.employeeId");
            if (id != null) {
                ids.add(id.toString());
            }
        });
        Map<String, Person> people = directory.byIds(ids);
        page.items().forEach(doc -> {
            Object id = Docs.at(doc, "attributes.employeeId");
            Person person = id == null ? null : people.get(id.toString());
            doc.put(
                    "employee",
                    person == null
                            ? null
                            : new Document("name", person.name())
                                    .append("department", person.department())
                                    .append("subDepartment", person.subDepartment())
                                    .append("left", person.left()));
        });
        return page;
    }

    /**
     * How many answers and distinct respondents match, and their mean score. The mean is withheld (null) when fewer
     * than {@code BROWSE_MIN_N} distinct respondents stand behind it, and so is the respondent count.
     */
    @GetMapping("/summary")
    Summary summary(HttpServletRequest request) {
        if (Role.of(request) == Role.VIEWER) {
            return viewerSummary(request);
        }
        Params params = Params.of(request.getParameterMap(), AnswerFilter.FILTER_PARAMS);
        Bson filter = AnswerFilter.from(params, directory);
        Set<Object> respondents = new HashSet<>();
        long answers = 0;
        long scored = 0;
        double sum = 0;
        for (Document doc : mongo.data(PeakonCollection.ANSWERS_EXPORT)
                .find(filter)
                .projection(Projections.include("attributes.employeeId", "attributes.answerScore"))
                .batchSize(2000)) {
            answers++;
            Object employee = Docs.at(doc, "attributes.employeeId");
            if (employee != null) {
                respondents.add(employee.toString());
            }
            Double score = Docs.number(doc, "attributes.answerScore");
            if (score != null) {
                scored++;
                sum += score;
            }
        }
        boolean withheld = respondents.size() < properties.minN();
        return new Summary(
                answers,
                scored,
                withheld ? null : respondents.size(),
                withheld || scored == 0 ? null : Math.round(sum / scored * 100) / 100.0,
                withheld,
                withheld ? "fewer than " + properties.minN() + " respondents" : null,
                properties.minN(),
                null,
                null);
    }

    /**
     * A viewer's summary: the figure of one group of the lattice (the company, a department, a sub-department or a
     * manager's organisation) for one category group ({@code engagement} unless given) and whole months, judged
     * against every other figure a viewer can get (docs/browse.md, "Anonymity").
     */
    private Summary viewerSummary(HttpServletRequest request) {
        Params params = Params.of(request.getParameterMap(), VIEWER_PARAMS);
        String group = Anonymity.group(params.text("department"), params.text("subDepartment"), params.text("manager"));
        String categoryGroup = params.text("categoryGroup").orElse("engagement");
        YearMonth from = Anonymity.month(params, "answeredFrom", false);
        YearMonth to = Anonymity.month(params, "answeredTo", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("answeredFrom is after answeredTo: no answer can match");
        }
        Anonymity.Figure f = anonymity.figure(group, categoryGroup, from, to);
        return new Summary(
                f.answers(),
                f.scoredAnswers(),
                f.respondents(),
                f.meanScore(),
                f.withheld(),
                f.withheldReason(),
                properties.minN(),
                group,
                categoryGroup);
    }

    /**
     * The same filter and sort as the listing, every matching answer, streamed straight from the cursor to the
     * response (never held in memory). Synchronous on purpose: no async dispatch to re-authenticate.
     */
    @GetMapping("/export.csv")
    void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Params params = Params.of(request.getParameterMap(), AnswerFilter.FILTER_PARAMS, Set.of("sort", "order"));
        Paging paging = Paging.from(params, properties.maxLimit(), AnswerFilter.SORTS, "answeredAt", "desc");
        Bson filter = AnswerFilter.from(params, directory);
        String name = "answers-"
                + Timestamps.format(Timestamps.now()).substring(0, 19).replace(":", "") + ".csv";
        Writer out = Csv.download(response, name);
        AnswerCsv.header(out);
        for (FindIterable<Document> range : paging.all(mongo.data(PeakonCollection.ANSWERS_EXPORT), filter)) {
            for (Document doc : range.batchSize(1000)) {
                AnswerCsv.row(out, doc);
            }
        }
        out.flush();
    }
}
