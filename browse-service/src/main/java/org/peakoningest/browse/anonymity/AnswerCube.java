package org.peakoningest.browse.anonymity;

import com.mongodb.client.model.Projections;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.common.PeakonCollection;

/**
 * Every answer reduced to what aggregates need: per respondent, month answered and category group, the number of
 * answers, of scored answers and the sum of scores. Read from {@code answers_export} once per request (no cache: a
 * request must see what the database holds, and a viewer's figures must all come from one reading).
 *
 * <p>Respondents are indexed 0..n-1 in the order first seen, so groups of people are {@link BitSet}s over them.
 * An answer without an employee id or an answered-at time cannot be placed in any group or month: it is left out of
 * the viewer's figures and counted in {@link #unplaced()}.
 */
final class AnswerCube {

    /** One respondent's answers of one month and category group. */
    private record Cell(int person, int month, String group, long answers, long scored, double sum) {}

    private final Map<String, Integer> people;
    private final List<YearMonth> months;
    private final List<Cell> cells;
    private final long unplaced;

    private AnswerCube(Map<String, Integer> people, List<YearMonth> months, List<Cell> cells, long unplaced) {
        this.people = people;
        this.months = months;
        this.cells = cells;
        this.unplaced = unplaced;
    }

    static AnswerCube load(BrowseMongo mongo) {
        return of(mongo.data(PeakonCollection.ANSWERS_EXPORT)
                .find()
                .projection(Projections.include(
                        "attributes.employeeId",
                        "attributes.answerScore",
                        "attributes.responseAnsweredAt",
                        "attributes.categoryGroup"))
                .batchSize(5000));
    }

    /** The cube of these {@code answers_export} documents. */
    static AnswerCube of(Iterable<Document> answers) {
        Map<String, Integer> people = new HashMap<>();
        Map<String, double[]> acc = new HashMap<>();
        TreeSet<YearMonth> seenMonths = new TreeSet<>();
        long unplaced = 0;
        for (Document doc : answers) {
            Object employee = Docs.at(doc, "attributes.employeeId");
            YearMonth month = month(Docs.text(doc, "attributes.responseAnsweredAt"));
            if (employee == null || month == null) {
                unplaced++;
                continue;
            }
            int person = people.computeIfAbsent(id(employee), k -> people.size());
            String group = String.valueOf(Docs.text(doc, "attributes.categoryGroup"));
            seenMonths.add(month);
            double[] a = acc.computeIfAbsent(person + "\u0000" + month + "\u0000" + group, k -> new double[3]);
            a[0]++;
            Double score = Docs.number(doc, "attributes.answerScore");
            if (score != null) {
                a[1]++;
                a[2] += score;
            }
        }
        List<YearMonth> months = new ArrayList<>(seenMonths);
        Map<YearMonth, Integer> monthIndex = new HashMap<>();
        months.forEach(m -> monthIndex.put(m, monthIndex.size()));
        List<Cell> cells = new ArrayList<>(acc.size());
        acc.forEach((key, a) -> {
            String[] parts = key.split("\u0000", 3);
            cells.add(new Cell(
                    Integer.parseInt(parts[0]),
                    monthIndex.get(YearMonth.parse(parts[1])),
                    parts[2],
                    (long) a[0],
                    (long) a[1],
                    a[2]));
        });
        return new AnswerCube(Map.copyOf(people), List.copyOf(months), cells, unplaced);
    }

    /** The employee id as the directory writes it: numbers in decimal, text as is. */
    static String id(Object employee) {
        if (employee instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return employee.toString();
    }

    private static YearMonth month(String answeredAt) {
        if (answeredAt == null || answeredAt.length() < 7) {
            return null;
        }
        try {
            return YearMonth.parse(answeredAt.substring(0, 7));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The respondent index of an employee id, or -1 when they never answered. */
    int person(String employeeId) {
        return people.getOrDefault(employeeId, -1);
    }

    int size() {
        return people.size();
    }

    List<YearMonth> months() {
        return months;
    }

    /** The months with answers from {@code from} to {@code to} (inclusive; null: open), oldest first. */
    List<YearMonth> months(YearMonth from, YearMonth to) {
        return months.stream()
                .filter(m -> (from == null || !m.isBefore(from)) && (to == null || !m.isAfter(to)))
                .toList();
    }

    long unplaced() {
        return unplaced;
    }

    /**
     * The answers of one category group (every group when null) answered in months {@code from}..{@code to}
     * (inclusive; null: unbounded), per respondent.
     */
    Slice slice(String categoryGroup, YearMonth from, YearMonth to) {
        Slice slice = new Slice(people.size());
        for (Cell c : cells) {
            YearMonth m = months.get(c.month());
            if ((categoryGroup == null || categoryGroup.equals(c.group()))
                    && (from == null || !m.isBefore(from))
                    && (to == null || !m.isAfter(to))) {
                slice.add(c.person(), c.answers(), c.scored(), c.sum());
            }
        }
        return slice;
    }

    /** What one choice of category group and months holds, per respondent. */
    static final class Slice {
        private final long[] answers;
        private final long[] scored;
        private final double[] sums;
        private final BitSet respondents;

        private Slice(int people) {
            answers = new long[people];
            scored = new long[people];
            sums = new double[people];
            respondents = new BitSet(people);
        }

        private void add(int person, long n, long s, double sum) {
            answers[person] += n;
            scored[person] += s;
            sums[person] += sum;
            respondents.set(person);
        }

        /** The people with at least one answer here. */
        BitSet respondents() {
            return respondents;
        }

        /** Totals over the people of {@code group}: answers, scored answers, sum of scores. */
        double[] totals(BitSet group) {
            double[] t = new double[3];
            for (int i = group.nextSetBit(0); i >= 0; i = group.nextSetBit(i + 1)) {
                t[0] += answers[i];
                t[1] += scored[i];
                t[2] += sums[i];
            }
            return t;
        }
    }
}
