package org.peakoningest.browse.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.people.Person;

/** The viewer's rule on small companies, one rule at a time (min-n 5; everyone answers once, score = id % 11). */
class DisclosureTest {

    private static Person person(int id, String department, String sub, Integer manager) {
        return new Person(
                Integer.toString(id),
                "P" + id,
                null,
                null,
                department,
                sub,
                manager == null ? null : manager.toString(),
                false,
                null);
    }

    private static AnswerCube everyoneAnswers(List<Person> people) {
        List<Document> answers = new ArrayList<>();
        for (Person p : people) {
            answers.add(new Document(
                    "attributes",
                    new Document("employeeId", p.id())
                            .append("answerScore", Integer.parseInt(p.id()) % 11)
                            .append("responseAnsweredAt", "2026-01-10T09:00:00Z")
                            .append("categoryGroup", "engagement")));
        }
        return AnswerCube.of(answers);
    }

    private static Disclosure.Verdict verdict(List<Person> people, String group) {
        AnswerCube cube = everyoneAnswers(people);
        Lattice lattice = Lattice.of(people, cube);
        return Disclosure.judge(lattice, cube.slice("engagement", null, null), 5, null)[lattice.index(group)];
    }

    @Test
    void aGroupUnderMinNIsWithheldWithItsCounts() {
        List<Person> people = List.of(person(1, "A", "a", null), person(2, "A", "a", 1), person(3, "A", "a", 1));
        Disclosure.Verdict v = verdict(people, Lattice.department("A"));
        assertThat(v.withheld()).isTrue();
        assertThat(v.withheldBecause()).isEqualTo("fewer than 5 respondents");
        assertThat(v.mean()).isNull();
    }

    @Test
    void theSmallerOfTwoNestedGroupsAFewPeopleApartIsWithheldTheBiggerStays() {
        // 20 manages only 21, who manages 22-27.
        List<Person> people = new ArrayList<>(List.of(person(20, "R", "r", null), person(21, "R", "r", 20)));
        for (int i = 22; i <= 27; i++) {
            people.add(person(i, "R", "r", 21));
        }
        Disclosure.Verdict top = verdict(people, Lattice.organisation("20"));
        Disclosure.Verdict middle = verdict(people, Lattice.organisation("21"));
        assertThat(top.withheld()).isFalse();
        assertThat(top.respondents()).isEqualTo(8);
        assertThat(middle.withheld()).isTrue();
        // the company, the department and 20's organisation are all 21's plus 20: any of them names the pair
        assertThat(middle.withheldBecause()).startsWith("together with").endsWith("fewer than 5 respondents");
    }

    @Test
    void whenTheRestOfAGroupBeyondItsVisiblePartsIsFewTheSmallestVisiblePartGoesToo() {
        List<Person> people = new ArrayList<>();
        people.add(person(1, "Sales", "North", null));
        for (int i = 30; i <= 35; i++) {
            people.add(person(i, "Sales", "North", 1));
        }
        for (int i = 40; i <= 45; i++) {
            people.add(person(i, "Sales", "South", 1));
        }
        people.add(person(50, "Sales", "East", 1));
        people.add(person(51, "Sales", "East", 1));
        // Another department, so that the company is not Sales itself.
        for (int i = 60; i <= 69; i++) {
            people.add(person(i, "Ops", "Ops", 1));
        }

        assertThat(verdict(people, Lattice.subDepartment("East")).withheldBecause())
                .isEqualTo("fewer than 5 respondents");
        assertThat(verdict(people, Lattice.subDepartment("North")).withheld()).isFalse();
        assertThat(verdict(people, Lattice.subDepartment("South")).withheldBecause())
                .startsWith("with the other parts of");
        assertThat(verdict(people, Lattice.department("Sales")).withheld()).isFalse();
    }

    @Test
    void identicalGroupsShowTheSameFigureAndNothingBetweenThem() {
        // A department that is exactly one manager's organisation: two names for one group, one figure.
        List<Person> people = new ArrayList<>(List.of(person(10, "D", "d", null)));
        for (int i = 11; i <= 16; i++) {
            people.add(person(i, "D", "d", 10));
        }
        Disclosure.Verdict department = verdict(people, Lattice.department("D"));
        Disclosure.Verdict organisation = verdict(people, Lattice.organisation("10"));
        assertThat(department.withheld()).isFalse();
        assertThat(organisation.withheld()).isFalse();
        assertThat(department.mean()).isEqualTo(organisation.mean());
    }
}
