package org.peakoningest.browse.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.security.Role;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.Csv;
import org.peakoningest.browse.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: the manager × question report and people dates (analysts), the org headcount (everyone;
 * counts under min-n withheld for viewers), each as JSON and as CSV with the same rows.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private final ManagerQuestionReport managerQuestions;
    private final PeopleDates peopleDates;
    private final EmployeeDirectory directory;
    private final BrowseProperties properties;

    ReportsController(
            ManagerQuestionReport managerQuestions,
            PeopleDates peopleDates,
            EmployeeDirectory directory,
            BrowseProperties properties) {
        this.managerQuestions = managerQuestions;
        this.peopleDates = peopleDates;
        this.directory = directory;
        this.properties = properties;
    }

    @GetMapping("/manager-questions")
    ManagerQuestionReport.Report managerQuestions(HttpServletRequest request) {
        return managerQuestions.compute(Params.of(request.getParameterMap(), ManagerQuestionReport.PARAMS));
    }

    /** The same rows as the JSON, in a file named after the window. */
    @GetMapping("/manager-questions.csv")
    void managerQuestionsCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ManagerQuestionReport.Report report =
                managerQuestions.compute(Params.of(request.getParameterMap(), ManagerQuestionReport.PARAMS));
        Writer out = Csv.download(
                response,
                "manager-questions_" + report.answeredFrom() + "_" + report.answeredTo()
                        + (report.subtree() ? "_subtree" : "") + ".csv");
        Csv.line(
                out,
                List.of(
                        "managerId",
                        "managerIdentifier",
                        "managerName",
                        "questionId",
                        "questionText",
                        "category",
                        "driver",
                        "subDriver",
                        "respondents",
                        "meanScore"));
        for (ManagerQuestionReport.Row r : report.rows()) {
            Csv.line(
                    out,
                    List.of(
                            r.managerId(),
                            r.managerIdentifier(),
                            r.managerName(),
                            r.questionId(),
                            r.questionText(),
                            r.category(),
                            r.driver(),
                            r.subDriver(),
                            r.respondents(),
                            r.meanScore() == null ? "" : r.meanScore()));
        }
        out.flush();
    }

    @GetMapping("/headcount")
    Headcount.Report headcount(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), Set.of(EmployeeDirectory.INCLUDE_ABSENT));
        boolean includeAbsent = p.bool(EmployeeDirectory.INCLUDE_ABSENT).orElse(false);
        return Headcount.of(
                directory.people(includeAbsent),
                includeAbsent,
                Role.of(request) == Role.VIEWER ? properties.minN() : null);
    }

    /** Two sections in one file: the managers, then the departments and the total. */
    @GetMapping("/headcount.csv")
    void headcountCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Headcount.Report report = headcount(request);
        Writer out = Csv.download(response, "headcount_" + LocalDate.now(ZoneOffset.UTC) + ".csv");
        Csv.line(
                out,
                List.of("managerId", "managerIdentifier", "managerName", "department", "directReports", "subtree"));
        for (Headcount.ManagerRow r : report.managers()) {
            Csv.line(
                    out,
                    java.util.Arrays.asList(
                            r.managerId(),
                            r.managerIdentifier(),
                            r.managerName(),
                            r.department(),
                            r.directReports(),
                            r.subtree()));
        }
        Csv.line(out, List.of());
        Csv.line(out, List.of("department", "people"));
        for (Headcount.DepartmentRow r : report.departments()) {
            Csv.line(out, java.util.Arrays.asList(r.department(), r.people()));
        }
        Csv.line(out, java.util.Arrays.asList("(total)", report.total()));
        out.flush();
    }

    @GetMapping("/people-dates")
    PeopleDates.Report peopleDates(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), Set.of("month", "year"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (p.integer("month").isEmpty()) {
            throw new BadRequestException("month is required (1-12)");
        }
        return peopleDates.of(p.integer("year", today.getYear(), 1900, 9999), p.integer("month", 1, 1, 12));
    }

    /** Birthdays (month and day, never the year) and anniversaries of the month, by department. */
    @GetMapping("/people-dates.csv")
    void peopleDatesCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PeopleDates.Report report = peopleDates(request);
        Writer out = Csv.download(
                response, "people-dates_" + report.year() + "-" + String.format("%02d", report.month()) + ".csv");
        Csv.line(out, List.of("kind", "department", "employeeId", "name", "month", "day", "years"));
        for (PeopleDates.Birthday b : report.birthdays()) {
            Csv.line(
                    out,
                    java.util.Arrays.asList("birthday", b.department(), b.id(), b.name(), b.month(), b.day(), null));
        }
        for (PeopleDates.Anniversary a : report.anniversaries()) {
            Csv.line(
                    out,
                    java.util.Arrays.asList(
                            "anniversary", a.department(), a.id(), a.name(), a.month(), a.day(), a.years()));
        }
        out.flush();
    }
}
