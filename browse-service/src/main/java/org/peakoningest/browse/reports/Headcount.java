package org.peakoningest.browse.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.peakoningest.browse.people.Person;

/**
 * The org headcount: per manager their direct reports and everyone below them, per department its people, and the
 * company total, over the people given (who have not left, unless asked). For a viewer, counts under min-n are
 * withheld (null), and so are counts that would let a subtraction count fewer than min-n people: the smallest
 * departments while the total minus the shown ones is 1 to min-n − 1, and a subtree a few people bigger than its
 * direct reports. (These are head counts: the viewer's org map shows the same people by name, so this keeps the
 * report true to min-n rather than hiding the org chart.) The totals always add up for an analyst.
 *
 * <p>"Below" is walked up from each person, stopping at a manager not in the directory or at a cycle, so a cycle's
 * members are counted below each other once and never endlessly.
 */
final class Headcount {

    record ManagerRow(
            String managerId,
            String managerIdentifier,
            String managerName,
            String department,
            Integer directReports,
            Integer subtree) {}

    record DepartmentRow(String department, Integer people) {}

    record Report(
            Integer total,
            boolean includeAbsent,
            Integer minN,
            List<ManagerRow> managers,
            List<DepartmentRow> departments) {}

    /** The department of people without one, so that the departments add up to the total. */
    static final String NO_DEPARTMENT = "(no department)";

    private Headcount() {}

    /** {@code minN} null: nothing withheld (an analyst's); else a viewer's, without identifiers. */
    static Report of(List<Person> people, boolean includeAbsent, Integer minN) {
        Map<String, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.putIfAbsent(p.id(), p));
        Map<String, Integer> direct = new HashMap<>();
        Map<String, Integer> below = new HashMap<>();
        Map<String, Integer> departments = new TreeMap<>();
        for (Person p : byId.values()) {
            departments.merge(p.department() == null ? NO_DEPARTMENT : p.department(), 1, Integer::sum);
            String manager = managerIn(byId, p);
            if (manager != null) {
                direct.merge(manager, 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>(Set.of(p.id()));
            for (String m = manager; m != null && seen.add(m); m = managerIn(byId, byId.get(m))) {
                below.merge(m, 1, Integer::sum);
            }
        }
        List<ManagerRow> managers = new ArrayList<>();
        direct.forEach((id, n) -> {
            Person m = byId.get(id);
            int all = below.get(id);
            // A viewer's subtree count is withheld when it exceeds the direct reports by a few: the difference would
            // count the people further down.
            boolean few = minN != null && all > n && all - n < minN;
            managers.add(new ManagerRow(
                    id,
                    minN == null ? m.identifier() : null,
                    m.name(),
                    m.department(),
                    shown(n, minN),
                    few ? null : shown(all, minN)));
        });
        managers.sort(Comparator.comparing(
                        (ManagerRow r) -> String.valueOf(r.managerName()).toLowerCase())
                .thenComparing(ManagerRow::managerId));
        if (minN != null) {
            withholdTheSmallestWhileTheRestIsFew(departments, byId.size(), minN);
        }
        List<DepartmentRow> depts = new ArrayList<>();
        departments.forEach((d, n) -> depts.add(new DepartmentRow(d, n < 0 ? null : shown(n, minN))));
        return new Report(shown(byId.size(), minN), includeAbsent, minN, managers, depts);
    }

    /**
     * A viewer's departments: the total minus the departments shown counts the withheld ones, so while that rest is 1
     * to min-n − 1 people the smallest shown department is withheld too (marked -1 in {@code departments}).
     */
    private static void withholdTheSmallestWhileTheRestIsFew(Map<String, Integer> departments, int total, int minN) {
        while (true) {
            int shown = departments.values().stream()
                    .filter(n -> n >= minN)
                    .mapToInt(Integer::intValue)
                    .sum();
            int rest = total - shown;
            String smallest = departments.entrySet().stream()
                    .filter(e -> e.getValue() >= minN)
                    .min(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (rest == 0 || rest >= minN || smallest == null) {
                return;
            }
            departments.put(smallest, -1);
        }
    }

    private static String managerIn(Map<String, Person> byId, Person p) {
        String m = p.managerId();
        return m != null && byId.containsKey(m) && !m.equals(p.id()) ? m : null;
    }

    private static Integer shown(int n, Integer minN) {
        return minN != null && n < minN ? null : n;
    }
}
