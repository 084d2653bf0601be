package org.peakoningest.browse.reports;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.people.Person;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.store.DriverCatalog;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.Params;
import org.peakoningest.common.PeakonCollection;
import org.springframework.stereotype.Component;

/**
 * The manager × question report: for an answered-at window, one row per manager and question with the distinct
 * respondents among the manager's direct reports (or everyone below, {@code subtree=true}) and their mean score.
 * Rows behind fewer than min-n respondents are left out and counted.
 *
 * <p>A question's text: answers carry it in the respondent's language; the report shows the English text (an answer
 * whose {@code answerLocale} is {@code en}), else the text most answers of the window carry (ties: the first in
 * alphabetical order), so one question always has one text.
 */
@Component
class ManagerQuestionReport {

    static final Set<String> PARAMS =
            Set.of("answeredFrom", "answeredTo", "department", "subDepartment", "manager", "subtree", "minN");

    record Row(
            String managerId,
            String managerIdentifier,
            String managerName,
            String questionId,
            String questionText,
            String category,
            String driver,
            String subDriver,
            int respondents,
            Double meanScore) {}

    /** Rows whose category or driver neither the answers nor the catalogs name (left empty, never guessed). */
    record Unresolved(int category, int driver) {}

    record Report(
            String answeredFrom,
            String answeredTo,
            Map<String, String> scope,
            boolean subtree,
            int minN,
            List<Row> rows,
            int rowsBelowMinN,
            Unresolved unresolved) {}

    /** What the answers of one question tell about it. */
    private static final class Question {
        final Map<String, Integer> texts = new HashMap<>();
        String english;
        String group;
        String categoryId;
        String standard;
    }

    /** The answers of one (manager, question). */
    private static final class Cell {
        final Set<String> respondents = new HashSet<>();
        double sum;
        long scored;
    }

    private final BrowseMongo mongo;
    private final EmployeeDirectory directory;
    private final BrowseProperties properties;

    ManagerQuestionReport(BrowseMongo mongo, EmployeeDirectory directory, BrowseProperties properties) {
        this.mongo = mongo;
        this.directory = directory;
        this.properties = properties;
    }

    Report compute(Params p) {
        String fromText = p.text("answeredFrom")
                .orElseThrow(
                        () -> new BadRequestException("answeredFrom and answeredTo are required (dates, inclusive)"));
        String toText = p.text("answeredTo")
                .orElseThrow(
                        () -> new BadRequestException("answeredFrom and answeredTo are required (dates, inclusive)"));
        String from = p.timeFrom("answeredFrom").orElseThrow();
        String to = p.timeToExclusive("answeredTo").orElseThrow();
        if (from.compareTo(to) >= 0) {
            throw new BadRequestException("answeredFrom is after answeredTo: no answer can match");
        }
        int minN = p.integer("minN", properties.minN(), 1, 1_000_000);
        if (minN < properties.minN()) {
            throw new BadRequestException("minN cannot be lower than BROWSE_MIN_N (" + properties.minN() + ")");
        }
        boolean subtree = p.bool("subtree").orElse(false);

        List<Person> everyone = directory.everyone();
        Map<String, Person> byId = new LinkedHashMap<>();
        everyone.forEach(person -> byId.putIfAbsent(person.id(), person));
        List<Bson> and = new ArrayList<>(List.of(
                Filters.gte("attributes.responseAnsweredAt", from), Filters.lt("attributes.responseAnsweredAt", to)));
        Optional<Set<String>> scope =
                directory.resolve(p.text("department"), p.text("subDepartment"), p.text("manager"));
        scope.ifPresent(ids -> and.add(Filters.in("attributes.employeeId", EmployeeDirectory.idValues(ids))));

        Map<String, Question> questions = new HashMap<>();
        Map<String, Cell> cells = new HashMap<>();
        for (Document doc : mongo.data(PeakonCollection.ANSWERS_EXPORT)
                .find(Filters.and(and))
                .projection(Projections.include(
                        "attributes.employeeId",
                        "attributes.questionId",
                        "attributes.questionText",
                        "attributes.answerLocale",
                        "attributes.categoryGroup",
                        "attributes.categoryId",
                        "attributes.categoryStandard",
                        "attributes.answerScore"))
                .batchSize(5000)) {
            Object employee = Docs.at(doc, "attributes.employeeId");
            Object questionId = Docs.at(doc, "attributes.questionId");
            if (employee == null || questionId == null) {
                continue;
            }
            String person = DriverCatalog.number(employee);
            String qid = DriverCatalog.number(questionId);
            note(questions.computeIfAbsent(qid, k -> new Question()), doc);
            Double score = Docs.number(doc, "attributes.answerScore");
            for (String manager : managersOf(byId, person, subtree)) {
                Cell cell = cells.computeIfAbsent(manager + "\u0000" + qid, k -> new Cell());
                cell.respondents.add(person);
                if (score != null) {
                    cell.sum += score;
                    cell.scored++;
                }
            }
        }

        DriverCatalog catalog = DriverCatalog.load(mongo);
        List<Row> rows = new ArrayList<>();
        int below = 0;
        int noCategory = 0;
        int noDriver = 0;
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            Cell cell = e.getValue();
            if (cell.respondents.size() < minN) {
                below++;
                continue;
            }
            String[] key = e.getKey().split("\u0000", 2);
            Person manager = byId.get(key[0]);
            Question q = questions.get(key[1]);
            DriverCatalog.Driver driver = catalog.resolve(q.categoryId, q.standard);
            noCategory += q.group == null ? 1 : 0;
            noDriver += driver == null ? 1 : 0;
            rows.add(new Row(
                    manager.id(),
                    blank(manager.identifier()),
                    blank(manager.name()),
                    key[1],
                    text(q),
                    blank(q.group),
                    driver == null ? "" : driver.driver(),
                    driver == null ? "" : driver.subDriver(),
                    cell.respondents.size(),
                    cell.scored == 0 ? null : Math.round(cell.sum / cell.scored * 100) / 100.0));
        }
        rows.sort(Comparator.comparing((Row r) -> r.managerName().toLowerCase())
                .thenComparing(Row::managerId)
                .thenComparing(r -> r.questionId().length())
                .thenComparing(Row::questionId));
        Map<String, String> scopeOut = new LinkedHashMap<>();
        p.text("department").ifPresent(v -> scopeOut.put("department", v));
        p.text("subDepartment").ifPresent(v -> scopeOut.put("subDepartment", v));
        p.text("manager").ifPresent(v -> scopeOut.put("manager", v));
        return new Report(fromText, toText, scopeOut, subtree, minN, rows, below, new Unresolved(noCategory, noDriver));
    }

    /** The managers an answer of {@code person} counts for: their manager, or everyone above them. */
    private static List<String> managersOf(Map<String, Person> byId, String person, boolean subtree) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(person));
        Person p = byId.get(person);
        String manager = p == null ? null : p.managerId();
        while (manager != null && byId.containsKey(manager) && seen.add(manager)) {
            out.add(manager);
            if (!subtree) {
                break;
            }
            manager = byId.get(manager).managerId();
        }
        return out;
    }

    private static void note(Question q, Document doc) {
        String text = Docs.text(doc, "attributes.questionText");
        if (text != null && !text.isBlank()) {
            q.texts.merge(text, 1, Integer::sum);
            if (q.english == null && "en".equals(Docs.text(doc, "attributes.answerLocale"))) {
                q.english = text;
            }
        }
        if (q.group == null) {
            q.group = Docs.text(doc, "attributes.categoryGroup");
        }
        if (q.categoryId == null && Docs.at(doc, "attributes.categoryId") != null) {
            q.categoryId = DriverCatalog.number(Docs.at(doc, "attributes.categoryId"));
        }
        if (q.standard == null) {
            q.standard = Docs.text(doc, "attributes.categoryStandard");
        }
    }

    private static String text(Question q) {
        if (q.english != null) {
            return q.english;
        }
        return new TreeMap<>(q.texts)
                .entrySet().stream()
                        .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                        .map(Map.Entry::getKey)
                        .orElse("");
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
