package org.peakoningest.browse.answers;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.conversions.Bson;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.Params;
import org.peakoningest.browse.web.TextMatch;

/**
 * The answers filter, shared by the JSON listing and the CSV export so both always select the same documents.
 * Every condition is a typed value inside a driver-built filter; user text only ever reaches a regex escaped.
 */
final class AnswerFilter {

    static final Set<String> FILTER_PARAMS = Set.of(
            "q",
            "employeeId",
            "questionId",
            "scoreMin",
            "scoreMax",
            "answeredFrom",
            "answeredTo",
            "department",
            "subDepartment",
            "manager",
            "hasComment",
            "categoryGroup",
            "roundId");
    static final Map<String, String> SORTS = Map.of(
            "answeredAt", "attributes.responseAnsweredAt",
            "score", "attributes.answerScore",
            "answerId", "_id",
            "employeeId", "attributes.employeeId",
            "questionId", "attributes.questionId");

    private static final String A = "attributes.";

    private AnswerFilter() {}

    static Bson from(Params p, EmployeeDirectory directory) {
        List<Bson> and = new ArrayList<>();
        p.text("q")
                .ifPresent(q -> and.add(Filters.or(
                        TextMatch.containsIgnoreCase(A + "answerComment", q),
                        TextMatch.containsIgnoreCase(A + "questionText", q))));
        p.integer("employeeId").ifPresent(id -> and.add(Filters.in(A + "employeeId", Docs.idForms(id.toString()))));
        p.integer("questionId").ifPresent(id -> and.add(Filters.in(A + "questionId", Docs.idForms(id.toString()))));
        p.text("roundId").ifPresent(id -> and.add(Filters.in(A + "roundId", Docs.idForms(id))));
        p.text("categoryGroup").ifPresent(g -> and.add(Filters.eq(A + "categoryGroup", g)));
        Optional<Double> min = p.decimal("scoreMin");
        Optional<Double> max = p.decimal("scoreMax");
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new BadRequestException("scoreMin is greater than scoreMax");
        }
        min.ifPresent(v -> and.add(Filters.gte(A + "answerScore", v)));
        max.ifPresent(v -> and.add(Filters.lte(A + "answerScore", v)));
        Optional<String> from = p.timeFrom("answeredFrom");
        Optional<String> to = p.timeToExclusive("answeredTo");
        // Both bounds have the same fixed-width form, so comparing the strings compares the instants.
        if (from.isPresent() && to.isPresent() && from.get().compareTo(to.get()) >= 0) {
            throw new BadRequestException("answeredFrom is after answeredTo: no answer can match");
        }
        from.ifPresent(t -> and.add(Filters.gte(A + "responseAnsweredAt", t)));
        to.ifPresent(t -> and.add(Filters.lt(A + "responseAnsweredAt", t)));
        p.bool("hasComment")
                .ifPresent(has -> and.add(
                        has
                                ? Filters.nin(A + "answerComment", Arrays.asList(null, ""))
                                : Filters.in(A + "answerComment", Arrays.asList(null, ""))));
        directory
                .resolve(p.text("department"), p.text("subDepartment"), p.text("manager"))
                .ifPresent(ids -> and.add(Filters.in(A + "employeeId", EmployeeDirectory.idValues(ids))));
        return Docs.allOf(and);
    }
}
