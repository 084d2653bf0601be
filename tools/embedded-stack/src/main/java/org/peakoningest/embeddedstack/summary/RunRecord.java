package org.peakoningest.embeddedstack.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the writer recorded about one run in {@code ingestion_runs}, read tolerantly: the writer owns that document's
 * shape, so only the fields this launcher needs are looked for, under the names the writer uses ({@code status},
 * {@code landing_status}, {@code collections.<name>.published} / {@code .landed}), and anything missing is
 * reported as unknown rather than failing.
 *
 * @param runId         the document's {@code _id}
 * @param status        the fetch status (success / partial / failed), when the run-finished event has landed
 * @param landingStatus {@code complete} once every collection landed what was published
 * @param collections   per collection: the numeric fields the writer recorded (published, landed, …)
 */
public record RunRecord(
        String runId,
        Optional<String> status,
        Optional<String> landingStatus,
        Map<String, Map<String, Long>> collections) {

    private static final List<String> STATUS_FIELDS = List.of("status", "run_status", "fetch_status");
    private static final String COMPLETE = "complete";

    public RunRecord {
        collections = Map.copyOf(collections);
    }

    /** Reads a raw {@code ingestion_runs} document (a BSON document is a {@code Map}). */
    static RunRecord from(Map<String, ?> document) {
        String id = String.valueOf(document.get("_id"));
        Optional<String> status = STATUS_FIELDS.stream()
                .map(document::get)
                .filter(value -> value instanceof String)
                .map(String.class::cast)
                .findFirst();
        Optional<String> landing = Optional.ofNullable(document.get("landing_status"))
                .filter(value -> value instanceof String)
                .map(String.class::cast);
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
        return new RunRecord(id, status, landing, collections);
    }

    /** True when the writer says everything published has landed. */
    public boolean landingComplete() {
        return landingStatus.map(COMPLETE::equalsIgnoreCase).orElse(false);
    }

    public Optional<Long> published(String collection) {
        return field(collection, "published");
    }

    public Optional<Long> landed(String collection) {
        return field(collection, "landed");
    }

    private Optional<Long> field(String collection, String field) {
        return Optional.ofNullable(collections.get(collection)).map(fields -> fields.get(field));
    }
}
