package org.peakoningest.writer.runs;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.RunFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The run-level {@code warnings} of {@code ingestion_runs}: what a user should see although the run may have
 * succeeded. Today one kind: Peakon's own count of a collection ({@code expected}, from {@code GET /employees/count})
 * disagrees with what the run crawled ({@link CollectionStats#countMismatch()}), e.g. {@code "employees: Peakon
 * counted 2000, the run crawled 1997"}.
 *
 * <p>The list is a function of the run document's stats alone, so redelivery and a replay give the same list. It is
 * written by the recount ({@link LandedReconciler}), which logs each warning (WARN) and counts it in
 * {@code peakon.writer.run.count.mismatch{collection}} when it first records it in this database, not once per
 * delivery of the event. A warning names collections and numbers, never a person.
 */
@Component
class RunWarnings {

    static final String MISMATCH_METRIC = "peakon.writer.run.count.mismatch";
    private static final Logger log = LoggerFactory.getLogger(RunWarnings.class);

    private final MeterRegistry registry;

    RunWarnings(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One warning: its text as stored, and the collection it is about (the metric's tag). */
    record Warning(String collection, String text) {}

    /** The warnings the run's stats call for, in the order of its collections; empty when none. */
    static List<Warning> of(Document run) {
        List<Warning> warnings = new ArrayList<>();
        if (!(run.get(RunFields.COLLECTIONS) instanceof Document collections)) {
            return warnings;
        }
        for (Map.Entry<String, Object> entry : collections.entrySet()) {
            if (entry.getValue() instanceof Document stored) {
                CollectionStats stats = stats(stored);
                if (stats != null && stats.countMismatch()) {
                    warnings.add(new Warning(entry.getKey(), mismatch(entry.getKey(), stats)));
                }
            }
        }
        return warnings;
    }

    /** Into {@code set} or {@code unset}: what makes the stored list {@code before} equal to {@code now}. */
    static void putChanges(List<?> before, List<Warning> now, Document set, Document unset) {
        List<String> texts = now.stream().map(Warning::text).toList();
        if (texts.equals(before)) {
            return;
        }
        if (texts.isEmpty()) {
            unset.put(RunFields.WARNINGS, "");
        } else {
            set.put(RunFields.WARNINGS, texts);
        }
    }

    /** {@code now} is being stored over {@code before}: the warnings {@code before} did not have are logged and counted. */
    void recorded(String runId, List<?> before, List<Warning> now) {
        for (Warning warning : now) {
            if (!before.contains(warning.text())) {
                log.warn("run {}: {}", runId, warning.text());
                registry.counter(MISMATCH_METRIC, "collection", warning.collection())
                        .increment();
            }
        }
    }

    private static String mismatch(String collection, CollectionStats stats) {
        long published = stats.expectedDocuments();
        long erased = stats.erased() == null ? 0 : stats.erased();
        String warning =
                collection + ": Peakon counted " + stats.expected() + ", the run crawled " + (published + erased);
        return erased == 0 ? warning : warning + " (" + published + " published, " + erased + " erased)";
    }

    /** The counting part of a collection's stored stats, or null when it has no {@code published} count. */
    private static CollectionStats stats(Document stored) {
        if (!(stored.get(RunFields.PUBLISHED) instanceof Number published)) {
            return null;
        }
        return new CollectionStats(
                        null, published.longValue(), 0, List.of(), null, asLong(stored, RunFields.DISTINCT_KEYS))
                .withSnapshot(false, asLong(stored, RunFields.EXPECTED), asLong(stored, RunFields.ERASED));
    }

    private static Long asLong(Document stored, String field) {
        return stored.get(field) instanceof Number n ? n.longValue() : null;
    }
}
