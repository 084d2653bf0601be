package org.peakoningest.browse.anonymity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peakoningest.browse.people.Person;

/**
 * Every group of people a viewer can ask an aggregate for, and how the groups split into one another.
 *
 * <p>The groups: the whole company, each department, each sub-department, and each person's organisation (the person
 * and everyone below them: what the org map colours a node by and what a viewer's {@code manager} filter selects).
 * The splits ({@link #partitions()}): the company into departments, into sub-departments and into the top of the
 * org chart; a department into its sub-departments; an organisation into its head's direct reports' organisations
 * (the head is the rest). Members are respondent indexes of an {@link AnswerCube}: people who never answered belong
 * to no group's figures.
 *
 * <p>The reporting line is walked upwards from each person and stops at a manager who is not in the directory or at
 * a cycle, so a cycle's members are each in the others' organisations; never an endless walk.
 */
final class Lattice {

    /** One group: its key (what a request names), how a reader is told of it, and its respondents' indexes. */
    record Group(String key, String label, BitSet members) {}

    /** A group split into parts: what {@code parent} holds beyond the visible parts is derivable from them. */
    record Partition(int parent, int[] parts) {}

    static final String COMPANY = "company";

    private final List<Group> groups;
    private final Map<String, Integer> byKey;
    private final List<Partition> partitions;

    private Lattice(List<Group> groups, List<Partition> partitions) {
        this.groups = groups;
        this.partitions = partitions;
        this.byKey = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            byKey.put(groups.get(i).key(), i);
        }
    }

    static String department(String name) {
        return "department:" + name;
    }

    static String subDepartment(String name) {
        return "subDepartment:" + name;
    }

    static String organisation(String headId) {
        return "organisation:" + headId;
    }

    static Lattice of(List<Person> everyone, AnswerCube cube) {
        Map<String, Person> byId = new LinkedHashMap<>();
        everyone.forEach(p -> byId.putIfAbsent(p.id(), p));
        List<Group> groups = new ArrayList<>();
        BitSet all = new BitSet();
        all.set(0, cube.size());
        groups.add(new Group(COMPANY, "the whole company", all));

        Map<String, BitSet> departments = new LinkedHashMap<>();
        Map<String, BitSet> subDepartments = new LinkedHashMap<>();
        Map<String, Set<String>> departmentsOfSub = new HashMap<>();
        Map<String, BitSet> organisations = new LinkedHashMap<>();
        Map<String, List<String>> reports = new HashMap<>();
        for (Person p : byId.values()) {
            int index = cube.person(p.id());
            if (p.department() != null) {
                member(departments, p.department(), index);
            }
            if (p.subDepartment() != null) {
                member(subDepartments, p.subDepartment(), index);
                departmentsOfSub
                        .computeIfAbsent(p.subDepartment(), k -> new HashSet<>())
                        .add(String.valueOf(p.department()));
            }
            String manager = p.managerId();
            if (manager != null && byId.containsKey(manager) && !manager.equals(p.id())) {
                reports.computeIfAbsent(manager, k -> new ArrayList<>()).add(p.id());
            }
            // p belongs to their own organisation and to every one above them.
            Set<String> seen = new HashSet<>();
            for (String head = p.id(); head != null && seen.add(head); head = managerIn(byId, head)) {
                member(organisations, head, index);
            }
        }
        departments.forEach((name, members) -> groups.add(new Group(department(name), "department " + name, members)));
        subDepartments.forEach(
                (name, members) -> groups.add(new Group(subDepartment(name), "sub-department " + name, members)));
        organisations.forEach((head, members) ->
                groups.add(new Group(organisation(head), "the organisation of " + nameOf(byId.get(head)), members)));
        Lattice lattice = new Lattice(groups, new ArrayList<>());

        lattice.split(
                COMPANY, departments.keySet().stream().map(Lattice::department).toList());
        lattice.split(
                COMPANY,
                subDepartments.keySet().stream().map(Lattice::subDepartment).toList());
        lattice.split(
                COMPANY,
                byId.values().stream()
                        .filter(p -> managerIn(byId, p.id()) == null)
                        .map(p -> organisation(p.id()))
                        .toList());
        Map<String, List<String>> subsOfDepartment = new HashMap<>();
        departmentsOfSub.forEach((sub, depts) -> {
            if (depts.size() == 1 && !depts.contains("null")) {
                subsOfDepartment
                        .computeIfAbsent(depts.iterator().next(), k -> new ArrayList<>())
                        .add(subDepartment(sub));
            }
        });
        subsOfDepartment.forEach((dept, subs) -> lattice.split(department(dept), subs));
        reports.forEach((head, direct) -> lattice.split(
                organisation(head), direct.stream().map(Lattice::organisation).toList()));
        return lattice;
    }

    private static void member(Map<String, BitSet> groups, String key, int index) {
        BitSet members = groups.computeIfAbsent(key, k -> new BitSet());
        if (index >= 0) {
            members.set(index);
        }
    }

    private static String managerIn(Map<String, Person> byId, String id) {
        String manager = byId.get(id).managerId();
        return manager != null && byId.containsKey(manager) ? manager : null;
    }

    private static String nameOf(Person p) {
        return p.name() == null || p.name().isBlank() ? "employee " + p.id() : p.name();
    }

    private void split(String parent, List<String> parts) {
        int[] indexes = parts.stream().mapToInt(byKey::get).toArray();
        if (indexes.length > 0) {
            partitions.add(new Partition(byKey.get(parent), indexes));
        }
    }

    List<Group> groups() {
        return groups;
    }

    List<Partition> partitions() {
        return partitions;
    }

    /** The index of the group a key names, or -1. */
    int index(String key) {
        return byKey.getOrDefault(key, -1);
    }
}
