package org.peakoningest.browse.anonymity;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.peakoningest.browse.people.Person;

/**
 * A synthetic company for measuring a viewer's figures (in browse's package, so the benchmark calls the real,
 * package-private rule): {@code people} employees in a tree of 3-6 reports per manager, 8 departments of 4
 * sub-departments each, and every employee answering one engagement question in each of {@code months} months.
 */
public final class ViewerWorkload {

    private final List<Person> people = new ArrayList<>();
    private final AnswerCube cube;

    public ViewerWorkload(int people, int months, long seed) {
        Random random = new Random(seed);
        List<Document> answers = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Integer manager = i == 0 ? null : Math.max(0, (i - 1) / (3 + random.nextInt(4)));
            int department = i == 0 ? 0 : 1 + (i % 8);
            this.people.add(new Person(
                    Integer.toString(i),
                    "Person " + i,
                    null,
                    null,
                    "Department " + department,
                    "Department " + department + " / " + (i / 8 % 4),
                    manager == null ? null : manager.toString(),
                    false,
                    null));
            for (int m = 0; m < months; m++) {
                YearMonth month = YearMonth.of(2024, 1).plusMonths(m);
                answers.add(new Document(
                        "attributes",
                        new Document("employeeId", Integer.toString(i))
                                .append("answerScore", random.nextInt(11))
                                .append("responseAnsweredAt", month.atDay(10) + "T09:00:00Z")
                                .append("categoryGroup", "engagement")));
            }
        }
        this.cube = AnswerCube.of(answers);
    }

    /**
     * What a viewer's coloured org map computes over the whole range: the lattice, every month's verdicts and the
     * window's. Returns how many organisations are shown (so the work cannot be optimised away).
     */
    public int organisationsShown() {
        Lattice lattice = Lattice.of(people, cube);
        Disclosure.Verdict[] verdicts = Disclosure.judgeWindow(lattice, cube, 5, "engagement", null, null);
        int shown = 0;
        for (int i = 0; i < verdicts.length; i++) {
            if (!verdicts[i].withheld() && lattice.groups().get(i).key().startsWith("organisation:")) {
                shown++;
            }
        }
        return shown;
    }

    /** The groups the rule judges together (company, departments, sub-departments, organisations). */
    public int groups() {
        return Lattice.of(people, cube).groups().size();
    }
}
