package org.peakoningest.embeddedstack.summary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.runs.RunLandingStatus;

/**
 * The summary printed at the end of {@code ./peakon-ingest run}: documents per collection (with Peakon's own count
 * where the fetcher had one), run and landing status, the run's warnings, wall time.
 *
 * @param run           the writer's {@code ingestion_runs} document for this run, when one appeared
 * @param documentCounts documents per data collection in Mongo
 * @param fetcherExit   the fetcher's exit code
 * @param wallTime      from the start of the command to the end of the landing
 * @param phases        where the time went (name → duration), in order
 */
public record IngestSummary(
        Optional<RunRecord> run,
        Map<String, Long> documentCounts,
        int fetcherExit,
        Duration wallTime,
        Map<String, Duration> phases) {

    /** The text block to print. */
    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("== peakon-ingest run summary ==");
        lines.add("run id:         " + run.map(RunRecord::runId).orElse("(no ingestion_runs document found)"));
        lines.add("run status:     " + run.flatMap(RunRecord::status).orElse("unknown") + "   (fetcher exit code "
                + fetcherExit + ")");
        lines.add("landing status: " + run.flatMap(RunRecord::landingStatus).orElse("unknown"));
        run.flatMap(RunRecord::lastError).ifPresent(error -> lines.add("last error:     " + error));
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "%-18s %12s %12s %12s %12s",
                "collection",
                "documents",
                "published",
                "landed",
                "expected"));
        for (PeakonCollection collection : PeakonCollection.values()) {
            String name = collection.collectionName();
            lines.add(String.format(
                    Locale.ROOT,
                    "%-18s %12s %12s %12s %12s",
                    name,
                    number(Optional.ofNullable(documentCounts.get(name))),
                    number(run.flatMap(r -> r.published(name))),
                    number(run.flatMap(r -> r.landed(name))),
                    number(run.flatMap(r -> r.expected(name)))));
        }
        long total = documentCounts.values().stream().mapToLong(Long::longValue).sum();
        lines.add(String.format(Locale.ROOT, "%-18s %12s", "total", number(Optional.of(total))));
        run.map(RunRecord::warnings).orElse(List.of()).forEach(warning -> lines.add("warning:        " + warning));
        lines.add("");
        lines.add("wall time:      " + duration(wallTime));
        if (!phases.isEmpty()) {
            List<String> parts = new ArrayList<>();
            phases.forEach((phase, time) -> parts.add(phase + " " + duration(time)));
            lines.add("  of which:     " + String.join(", ", parts));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** Success means: the fetcher succeeded and the writer reports every published record landed. */
    public boolean successful() {
        return fetcherExit == 0 && run.map(RunRecord::landingComplete).orElse(false);
    }

    /**
     * What to tell when the run was not a {@link #successful()} one: a failed run that published nothing from Peakon
     * says so with the fetch's last error (waiting for it to land would be pointless), anything else did not complete.
     */
    public String verdict() {
        Optional<RunRecord> nothing = run.filter(r -> r.landingStatus()
                .filter(RunLandingStatus.NOTHING.value()::equalsIgnoreCase)
                .isPresent());
        if (nothing.isPresent()) {
            return "The run failed and published nothing from Peakon"
                    + nothing.get().lastError().map(error -> ": " + error).orElse("");
        }
        return "The run did not complete";
    }

    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis % 60_000) / 1000);
    }

    private static String number(Optional<Long> value) {
        return value.map(v -> String.format(Locale.ROOT, "%,d", v)).orElse("-");
    }
}
