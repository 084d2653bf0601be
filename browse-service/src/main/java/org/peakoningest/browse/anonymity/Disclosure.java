package org.peakoningest.browse.anonymity;

import java.time.YearMonth;
import java.util.BitSet;
import java.util.List;

/**
 * Which groups' figures a viewer may see for one slice of answers (one category group, one window of months): the
 * rule of docs/browse.md, "Anonymity", applied to every group of the {@link Lattice} at once, so that every figure a
 * viewer can obtain for that slice was judged together with all the others.
 *
 * <ol>
 *   <li><b>min-n</b>: fewer than min-n respondents: withheld.</li>
 *   <li><b>nested groups</b>: when a group's respondents are all in a bigger group and that group has only 1 to
 *       min-n − 1 respondents more, the smaller one is withheld: the two figures together would describe those few
 *       (e.g. a manager's organisation and the same organisation without the manager).</li>
 *   <li><b>parts</b>: when a visible group is split into parts (departments, sub-departments, the organisations of
 *       direct reports), what it holds beyond its visible parts is derivable; when that rest is 1 to min-n − 1
 *       respondents, the smallest visible part is withheld too, until the rest is empty or at least min-n.</li>
 * </ol>
 * Rule 1 may also be given ({@code forced}) for a reason found elsewhere: a window whose withheld months would be
 * derivable from it (see {@link Anonymity}). Rules 2 and 3 are repeated until nothing changes.
 */
final class Disclosure {

    /** The verdict on one group: shown, or withheld and why. */
    record Verdict(int respondents, double answers, double scored, double sum, String withheldBecause) {
        boolean withheld() {
            return withheldBecause != null;
        }

        Double mean() {
            return withheld() || scored == 0 ? null : Math.round(sum / scored * 100) / 100.0;
        }
    }

    private Disclosure() {}

    /**
     * The verdicts on every group for one category group and window, the window judged against its months (what the
     * department trend shows): when the months withheld inside the window hold 1 to min-n − 1 respondents, the window
     * minus its visible months would describe them, so the window is withheld too (rule 1, forced).
     */
    static Verdict[] judgeWindow(
            Lattice lattice, AnswerCube cube, int minN, String categoryGroup, YearMonth from, YearMonth to) {
        List<YearMonth> months = cube.months(from, to);
        int n = lattice.groups().size();
        String[] forced = new String[n];
        if (months.size() > 1) {
            // The people behind each group's withheld months: the window minus its visible months describes them.
            BitSet[] hidden = new BitSet[n];
            for (YearMonth month : months) {
                AnswerCube.Slice slice = cube.slice(categoryGroup, month, month);
                Verdict[] verdicts = judge(lattice, slice, minN, null);
                for (int i = 0; i < n; i++) {
                    if (verdicts[i].withheld() && verdicts[i].respondents() > 0) {
                        BitSet people =
                                (BitSet) lattice.groups().get(i).members().clone();
                        people.and(slice.respondents());
                        if (hidden[i] == null) {
                            hidden[i] = people;
                        } else {
                            hidden[i].or(people);
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                int few = hidden[i] == null ? 0 : hidden[i].cardinality();
                if (few > 0 && few < minN) {
                    forced[i] = "its withheld months would be derivable from it and its other months (fewer than "
                            + minN + " respondents)";
                }
            }
        }
        return judge(lattice, cube.slice(categoryGroup, from, to), minN, forced);
    }

    static Verdict[] judge(Lattice lattice, AnswerCube.Slice slice, int minN, String[] forced) {
        List<Lattice.Group> groups = lattice.groups();
        int n = groups.size();
        BitSet[] respondents = new BitSet[n];
        int[] count = new int[n];
        String[] reason = new String[n];
        for (int i = 0; i < n; i++) {
            respondents[i] = (BitSet) groups.get(i).members().clone();
            respondents[i].and(slice.respondents());
            count[i] = respondents[i].cardinality();
            if (count[i] < minN) {
                reason[i] = count[i] == 0 ? "no respondents" : "fewer than " + minN + " respondents";
            } else if (forced != null && forced[i] != null) {
                reason[i] = forced[i];
            }
        }
        nested(groups, respondents, count, reason, minN);
        parts(lattice, respondents, count, reason, minN);

        Verdict[] out = new Verdict[n];
        for (int i = 0; i < n; i++) {
            double[] t = slice.totals(respondents[i]);
            out[i] = new Verdict(count[i], t[0], t[1], t[2], reason[i]);
        }
        return out;
    }

    /** Rule 2: a group withheld when a bigger group holds all its respondents and only a few more. */
    private static void nested(
            List<Lattice.Group> groups, BitSet[] respondents, int[] count, String[] reason, int minN) {
        int n = groups.size();
        for (int small = 0; small < n; small++) {
            if (reason[small] != null) {
                continue;
            }
            for (int big = 0; big < n; big++) {
                int more = count[big] - count[small];
                if (more > 0 && more < minN && containsAll(respondents[big], respondents[small])) {
                    reason[small] = "together with " + groups.get(big).label() + " it would single out fewer than "
                            + minN + " respondents";
                    break;
                }
            }
        }
    }

    /** Rule 3: the rest of a visible group beyond its visible parts is never 1 to min-n − 1 respondents. */
    private static void parts(Lattice lattice, BitSet[] respondents, int[] count, String[] reason, int minN) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Lattice.Partition partition : lattice.partitions()) {
                int parent = partition.parent();
                if (reason[parent] != null) {
                    continue;
                }
                while (true) {
                    BitSet rest = (BitSet) respondents[parent].clone();
                    int smallest = -1;
                    for (int part : partition.parts()) {
                        if (reason[part] == null) {
                            rest.andNot(respondents[part]);
                            if (smallest < 0 || count[part] < count[smallest]) {
                                smallest = part;
                            }
                        }
                    }
                    int left = rest.cardinality();
                    if (smallest < 0 || left == 0 || left >= minN) {
                        break;
                    }
                    reason[smallest] = "with the other parts of "
                            + lattice.groups().get(parent).label() + " it would single out fewer than " + minN
                            + " respondents";
                    changed = true;
                }
            }
        }
    }

    private static boolean containsAll(BitSet big, BitSet small) {
        BitSet outside = (BitSet) small.clone();
        outside.andNot(big);
        return outside.isEmpty();
    }
}
