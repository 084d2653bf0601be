package org.peakoningest.embeddedstack.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunLandingStatus;

/**
 * What the writer recorded about one run in {@code ingestion_runs}, read tolerantly: the writer owns that document's
 * shape, so only the fields this launcher needs are looked for, under the names the writer uses ({@code status},
 * {@code landing_status}, {@code last_error}, {@code warnings}, {@code collections.<name>.published} / {@code .landed}
 * / {@code .expected}), and anything missing is reported as unknown rather than failing.
 *
 * @param runId         the document's {@code _id}
 * @param status        the fetch status, one of {@link org.peakoningest.common.runs.RunStatus} (success / partial /
 *                      failed, or abandoned when another fetcher ended it), when a run-finished event has landed
 * @param landingStatus one of {@link RunLandingStatus}: {@code complete} once every collection landed what was
 *                      published, {@code nothing} for a failed run that published nothing from Peakon, …
 * @param lastError     the fetch's last error, when it had one
 * @param collections   per collection: the numeric fields the writer recorded (published, landed, expected, …)
 * @param warnings      the run's warnings ({@code warnings}: one-line strings the writer recorded, e.g. Peakon's
 *                      count of the employees disagreeing with the crawl), in order; empty when none
 */
public record RunRecord(
        String runId,
        Optional<String> status,
        Optional<String> landingStatus,
        Optional<String> lastError,
        Map<String, Map<String, Long>> collections,
        List<String> warnings) {

    private static final List<String> STATUS_FIELDS = List.of("status", "run_status", "fetch_status");

    public RunRecord {
        collections = Map.copyOf(collections);
        warnings = List.copyOf(warnings);
    }

    /** Reads a raw {@code ingestion_runs} document (a BSON document is a {@code Map}). */
    static RunRecord from(Map<String, ?> document) {
        String id = String.valueOf(document.get("_id"));
        Optional<String> status = STATUS_FIELDS.stream()
                .map(document::get)
                .filter(value -> value instanceof String)
                .map(String.class::cast)
                .findFirst();
        Optional<String> landing = text(document, "landing_status");
        Optional<String> lastError = text(document, "last_error");
        Map<String, Map<String, Long>> collections = new LinkedHashMap<>();
        if (document.get("collections") instanceof Map<?, ?> perCollection) {
            perCollection.forEach((name, stats) -> {
                Map<String, Long> numbers = new LinkedHashMap<>();
                if (stats instanceof Map<?, ?> fields) {
                    fields.forEach((field, value) -> {
                        if (value instanceof Number number) {
                            numbers.put(String.valueOf(field), number.longValue());
                        }
                    });
                }
                collections.put(String.valueOf(name), numbers);
            });
        }
        List<String> warnings = new ArrayList<>();
        if (document.get(RunFields.WARNINGS) instanceof List<?> list) {
            list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(warnings::add);
        }
        return new RunRecord(id, status, landing, lastError, collections, warnings);
    }

    private static Optional<String> text(Map<String, ?> document, String field) {
        return Optional.ofNullable(document.get(field))
                .filter(value -> value instanceof String)
                .map(String.class::cast);
    }

    /** True when the writer says everything published has landed. */
    public boolean landingComplete() {
        return landing().filter(RunLandingStatus.COMPLETE::equals).isPresent();
    }

    /**
     * True once the writer has decided the run's landing ({@code complete}, {@code superseded}, {@code nothing}):
     * waiting longer changes nothing. A failed run that published nothing from Peakon is {@code nothing} and never
     * {@code complete}. A status this launcher does not know counts as undecided.
     */
    public boolean landingDecided() {
        return landing().map(RunLandingStatus::decided).orElse(false);
    }

    private Optional<RunLandingStatus> landing() {
        return landingStatus.flatMap(value -> RunLandingStatus.fromValue(value.toLowerCase(Locale.ROOT)));
    }

    public Optional<Long> published(String collection) {
        return field(collection, "published");
    }

    public Optional<Long> landed(String collection) {
        return field(collection, "landed");
    }

    /** Peakon's own count of the collection at the start of the run, when the fetcher had one (employees). */
    public Optional<Long> expected(String collection) {
        return field(collection, RunFields.EXPECTED);
    }

    private Optional<Long> field(String collection, String field) {
        return Optional.ofNullable(collections.get(collection)).map(fields -> fields.get(field));
    }
}
