package org.peakoningest.fetcher.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.fetcher.crawl.EmployeeCount;

/**
 * The per-collection table printed at the end of a run; {@code expected} is Peakon's own count where it gave one,
 * and a crawl that disagrees with it is a warning line under the table.
 */
final class SummaryTable {

    private SummaryTable() {}

    static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%srun %s (%s) finished: %s in %.1f s%n",
                report.dryRun() ? "dry " : "",
                report.runId(),
                report.mode().name().toLowerCase(Locale.ROOT),
                report.status().value(),
                report.duration().toMillis() / 1000.0));
        String countHeader = report.dryRun() ? "items" : "published";
        out.append(String.format(
                Locale.ROOT,
                "%-18s %-8s %10s %9s %6s %8s  %s%n",
                "collection",
                "status",
                countHeader,
                "expected",
                "pages",
                "skipped",
                "error"));
        long total = 0;
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, CollectionStats> entry : report.collections().entrySet()) {
            CollectionStats s = entry.getValue();
            total += s.published();
            out.append(String.format(
                    Locale.ROOT,
                    "%-18s %-8s %10d %9s %6d %8d  %s%n",
                    entry.getKey(),
                    s.status().name().toLowerCase(Locale.ROOT),
                    s.published(),
                    s.expected() == null ? "" : s.expected().toString(),
                    s.pages(),
                    s.skipped().size(),
                    s.error() == null ? "" : s.error()));
            EmployeeCount.warning(entry.getKey(), s).ifPresent(warnings::add);
        }
        out.append(String.format(Locale.ROOT, "%-18s %-8s %10d%n", "total", "", total));
        warnings.forEach(warning -> out.append("warning: ").append(warning).append('\n'));
        StringBuilder erased = new StringBuilder();
        report.collections().forEach((name, s) -> {
            if (s.erased() != null && s.erased() > 0) {
                erased.append(erased.isEmpty() ? "" : ", ")
                        .append(name)
                        .append(' ')
                        .append(s.erased());
            }
        });
        if (!erased.isEmpty()) {
            out.append("not published, their person is erased: ").append(erased).append('\n');
        }
        if (report.dryRun()) {
            out.append("dry run: nothing was published to Kafka and nothing was written to MongoDB")
                    .append('\n');
        }
        if (report.lastError() != null) {
            out.append("last error: ").append(report.lastError()).append('\n');
        }
        return out.toString();
    }
}
