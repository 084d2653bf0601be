package org.peakoningest.browse.reports;

import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.store.DriverCatalog;
import org.peakoningest.common.PeakonCollection;
import org.springframework.stereotype.Component;

/**
 * Birthdays and work anniversaries of one month (analysts only), from the employee attributes named by
 * {@code BROWSE_BIRTHDAY_ATTRIBUTE} and {@code BROWSE_START_DATE_ATTRIBUTE}. A birthday is shown as month and day:
 * the year of birth is read to find the day and then dropped, never returned or exported. A value that is missing or
 * not a date ({@code yyyy-MM-dd}, optionally followed by a time; for a birthday also {@code --MM-dd}) is counted,
 * never guessed. A 29 February is listed as such, whatever the year.
 */
@Component
class PeopleDates {

    record Birthday(String id, String name, String department, int month, int day) {}

    record Anniversary(String id, String name, String department, int month, int day, int years, String started) {}

    /** How many values of an attribute could not be used. */
    record Unusable(String attribute, int missing, int unparseable) {}

    record Report(
            int year,
            int month,
            List<Birthday> birthdays,
            List<Anniversary> anniversaries,
            Unusable birthdaysUnusable,
            Unusable startDatesUnusable) {}

    private final BrowseMongo mongo;
    private final String birthdayField;
    private final String startField;
    private final BrowseProperties properties;

    PeopleDates(BrowseMongo mongo, BrowseProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.birthdayField = "attributes." + properties.birthdayAttribute();
        this.startField = "attributes." + properties.startDateAttribute();
    }

    /** The people (who have not left) with a birthday or a work anniversary in {@code month} of {@code year}. */
    Report of(int year, int month) {
        List<Birthday> birthdays = new ArrayList<>();
        List<Anniversary> anniversaries = new ArrayList<>();
        int[] birthdayProblems = new int[2];
        int[] startProblems = new int[2];
        for (Document doc : mongo.data(PeakonCollection.EMPLOYEES)
                .find(EmployeeDirectory.notLeft())
                .projection(Projections.include(
                        "attributes.name",
                        "attributes." + properties.departmentAttribute(),
                        birthdayField,
                        startField))) {
            String id = DriverCatalog.number(doc.get("_id"));
            String name = Docs.text(doc, "attributes.name");
            String department = Docs.text(doc, "attributes." + properties.departmentAttribute());
            MonthDay birthday = monthDay(Docs.at(doc, birthdayField), birthdayProblems, true);
            if (birthday != null && birthday.getMonthValue() == month) {
                birthdays.add(new Birthday(id, name, department, month, birthday.getDayOfMonth()));
            }
            Object startValue = Docs.at(doc, startField);
            MonthDay start = monthDay(startValue, startProblems, false);
            if (start != null && start.getMonthValue() == month) {
                LocalDate started = LocalDate.parse(startValue.toString().substring(0, 10));
                int years = year - started.getYear();
                if (years > 0) {
                    anniversaries.add(new Anniversary(
                            id, name, department, month, start.getDayOfMonth(), years, started.toString()));
                }
            }
        }
        Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        birthdays.sort(Comparator.comparing(Birthday::department, text)
                .thenComparingInt(Birthday::day)
                .thenComparing(Birthday::name, text));
        anniversaries.sort(Comparator.comparing(Anniversary::department, text)
                .thenComparingInt(Anniversary::day)
                .thenComparing(Anniversary::name, text));
        return new Report(
                year,
                month,
                birthdays,
                anniversaries,
                new Unusable(properties.birthdayAttribute(), birthdayProblems[0], birthdayProblems[1]),
                new Unusable(properties.startDateAttribute(), startProblems[0], startProblems[1]));
    }

    /** The month and day of a date value; null (and counted in {@code problems}: missing, unparseable) otherwise. */
    static MonthDay monthDay(Object value, int[] problems, boolean yearOptional) {
        if (value == null || value.toString().isBlank()) {
            problems[0]++;
            return null;
        }
        String v = value.toString().trim();
        try {
            if (yearOptional && v.startsWith("--")) {
                return MonthDay.parse(v);
            }
            if (v.length() >= 10 && (v.length() == 10 || v.charAt(10) == 'T')) {
                return MonthDay.from(LocalDate.parse(v.substring(0, 10)));
            }
        } catch (DateTimeParseException e) {
            // counted below
        }
        problems[1]++;
        return null;
    }
}
