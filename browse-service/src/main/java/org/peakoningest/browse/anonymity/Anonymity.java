package org.peakoningest.browse.anonymity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.Params;
import org.springframework.stereotype.Component;

/**
 * The figures a viewer sees: answer aggregates of the groups of the {@link Lattice}, for one category group and a
 * window of whole months, each judged by {@link Disclosure} together with every other group's figure of the same
 * answers and against the window's months ({@link Disclosure#judgeWindow}).
 */
@Component
public class Anonymity {

    /** One group's figure; counts and mean are null when withheld. */
    public record Figure(
            String group,
            Integer respondents,
            Long answers,
            Long scoredAnswers,
            Double meanScore,
            boolean withheld,
            String withheldReason) {}

    /** One month of a group's series. */
    public record MonthFigure(String period, Figure figure) {}

    private final BrowseMongo mongo;
    private final EmployeeDirectory directory;
    private final int minN;

    Anonymity(BrowseMongo mongo, EmployeeDirectory directory, BrowseProperties properties) {
        this.mongo = mongo;
        this.directory = directory;
        this.minN = properties.minN();
    }

    /**
     * The group a viewer's people filter names: the whole company with none, else exactly one of department,
     * sub-department or manager (the manager's organisation: the manager and everyone below). Combinations are
     * refused: an intersection is a group the rule cannot judge against all the others.
     */
    public static String group(Optional<String> department, Optional<String> subDepartment, Optional<String> manager) {
        int given =
                (department.isPresent() ? 1 : 0) + (subDepartment.isPresent() ? 1 : 0) + (manager.isPresent() ? 1 : 0);
        if (given > 1) {
            throw new BadRequestException(
                    "a viewer gives at most one of department, subDepartment, manager (combinations are for analysts)");
        }
        return department
                .map(Lattice::department)
                .or(() -> subDepartment.map(Lattice::subDepartment))
                .or(() -> manager.map(Lattice::organisation))
                .orElse(Lattice.COMPANY);
    }

    /**
     * A viewer's window bound: whole months only ({@code 2025-03}, or the first day of a month for a start and the
     * last day for an end), so that every window is a run of the months the trend shows; empty: open.
     */
    public static YearMonth month(Params params, String name, boolean end) {
        Optional<String> value = params.text(name);
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get();
        try {
            if (v.length() == 7) {
                return YearMonth.parse(v);
            }
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                YearMonth month = YearMonth.from(day);
                if (day.equals(end ? month.atEndOfMonth() : month.atDay(1))) {
                    return month;
                }
            }
        } catch (DateTimeParseException e) {
            // the message below
        }
        throw new BadRequestException("parameter '" + name + "': a viewer chooses whole months (2025-03, or "
                + (end ? "the last day of a month, 2025-03-31" : "the first day of a month, 2025-03-01") + ")");
    }

    /** The figure of one group over a window of months (null bounds: open). */
    public Figure figure(String group, String categoryGroup, YearMonth from, YearMonth to) {
        Judged judged = judge(categoryGroup, from, to);
        return judged.figure(judged.lattice.index(group), group);
    }

    /** The figure of every person's organisation (the person and everyone below), by the person's id. */
    public Map<String, Figure> organisations(String categoryGroup, YearMonth from, YearMonth to) {
        Judged judged = judge(categoryGroup, from, to);
        Map<String, Figure> out = new LinkedHashMap<>();
        List<Lattice.Group> groups = judged.lattice.groups();
        String prefix = Lattice.organisation("");
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).key().startsWith(prefix)) {
                out.put(
                        groups.get(i).key().substring(prefix.length()),
                        judged.figure(i, groups.get(i).key()));
            }
        }
        return out;
    }

    /** One group's figure per month with answers in the window, oldest first. */
    public List<MonthFigure> monthly(String group, String categoryGroup, YearMonth from, YearMonth to) {
        AnswerCube cube = AnswerCube.load(mongo);
        Lattice lattice = Lattice.of(directory.everyone(), cube);
        int index = lattice.index(group);
        List<MonthFigure> out = new ArrayList<>();
        for (YearMonth month : cube.months(from, to)) {
            AnswerCube.Slice slice = cube.slice(categoryGroup, month, month);
            Disclosure.Verdict[] verdicts = Disclosure.judge(lattice, slice, minN, null);
            if (index >= 0 && !groupHasAnswers(lattice, index, slice)) {
                continue;
            }
            out.add(new MonthFigure(month.toString(), figure(index < 0 ? null : verdicts[index], group)));
        }
        return out;
    }

    private Judged judge(String categoryGroup, YearMonth from, YearMonth to) {
        AnswerCube cube = AnswerCube.load(mongo);
        Lattice lattice = Lattice.of(directory.everyone(), cube);
        return new Judged(lattice, Disclosure.judgeWindow(lattice, cube, minN, categoryGroup, from, to));
    }

    private static boolean groupHasAnswers(Lattice lattice, int index, AnswerCube.Slice slice) {
        return lattice.groups().get(index).members().intersects(slice.respondents());
    }

    private Figure figure(Disclosure.Verdict v, String group) {
        if (v == null) {
            return new Figure(group, null, null, null, null, true, "no respondents");
        }
        if (v.withheld()) {
            return new Figure(group, null, null, null, null, true, v.withheldBecause());
        }
        return new Figure(group, v.respondents(), (long) v.answers(), (long) v.scored(), v.mean(), false, null);
    }

    private final class Judged {
        private final Lattice lattice;
        private final Disclosure.Verdict[] verdicts;

        private Judged(Lattice lattice, Disclosure.Verdict[] verdicts) {
            this.lattice = lattice;
            this.verdicts = verdicts;
        }

        Figure figure(int index, String group) {
            return Anonymity.this.figure(index < 0 ? null : verdicts[index], group);
        }
    }
}
