package org.peakoningest.fetcher.run;

import java.util.Locale;
import java.util.Map;
import org.peakoningest.common.runs.CollectionStats;

/** The per-collection table printed at the end of a run. */
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
                "%-18s %-8s %10s %6s %8s  %s%n",
                "collection",
                "status",
                countHeader,
                "pages",
                "skipped",
                "error"));
        long total = 0;
        for (Map.Entry<String, CollectionStats> entry : report.collections().entrySet()) {
            CollectionStats s = entry.getValue();
            total += s.published();
            out.append(String.format(
                    Locale.ROOT,
                    "%-18s %-8s %10d %6d %8d  %s%n",
                    entry.getKey(),
                    s.status().name().toLowerCase(Locale.ROOT),
                    s.published(),
                    s.pages(),
                    s.skipped().size(),
                    s.error() == null ? "" : s.error()));
        }
        out.append(String.format(Locale.ROOT, "%-18s %-8s %10d%n", "total", "", total));
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
