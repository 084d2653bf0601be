package org.peakoningest.simulator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Who the company has now: every employee but those who left ({@code POST /_sim/employees/leave}, undone by
 * {@code return}). {@code /employees/count} counts them; {@code /employees} lists them all but the last
 * {@code --under-serve-employees} (a Peakon whose list falls short of its own count). The last ones are leaves of
 * the manager tree, so nobody listed has an unlisted manager on that account. Nothing else follows departures:
 * answers stay in the export, segments and participation are those of the whole staff. Thread-safe: a request
 * reads one {@link #listed()} array, which a change replaces rather than modifies.
 */
final class Roster {

    private final Employees employees;
    private final int underServe;
    private final BitSet departed = new BitSet();
    private volatile int[] listed;
    private volatile int counted;

    Roster(Employees employees, int underServe) {
        this.employees = employees;
        this.underServe = underServe;
        update();
    }

    /** The indexes of the employees {@code /employees} lists, ascending. Never modified: take it once per request. */
    int[] listed() {
        return listed;
    }

    /** What {@code /employees/count} answers. */
    int counted() {
        return counted;
    }

    /** The ids of the employees who left, ascending. */
    synchronized List<String> departedIds() {
        List<String> ids = new ArrayList<>();
        departed.stream().forEach(index -> ids.add(employees.get(index).idText()));
        return ids;
    }

    /**
     * The indexes of employee ids; throws {@link IllegalArgumentException} naming every id that is no employee's,
     * so a refused request changes nothing.
     */
    List<Integer> indexesOf(Collection<String> ids) {
        List<Integer> indexes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            long index = -1;
            try {
                index = Long.parseLong(id) - Employees.FIRST_ID;
            } catch (NumberFormatException e) {
                // unknown below
            }
            if (index < 0 || index >= employees.size()) {
                unknown.add(id);
            } else {
                indexes.add((int) index);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no such employee id: " + String.join(",", unknown));
        }
        return indexes;
    }

    synchronized void leave(Collection<Integer> indexes) {
        indexes.forEach(departed::set);
        update();
    }

    synchronized void comeBack(Collection<Integer> indexes) {
        indexes.forEach(departed::clear);
        update();
    }

    private void update() {
        int present = employees.size() - departed.cardinality();
        int[] list = new int[Math.max(0, present - underServe)];
        for (int index = departed.nextClearBit(0), i = 0;
                i < list.length;
                index = departed.nextClearBit(index + 1), i++) {
            list[i] = index;
        }
        counted = present;
        listed = list;
    }
}
