package org.peakoningest.common;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The data collections of peakon-ingest: each is one Kafka topic and one MongoDB collection of the same name.
 *
 * <p>This enum is the only place where these names are spelled; every other module asks it (or {@link TopicNames})
 * for them.
 */
public enum PeakonCollection {

    /** {@code GET /answers/export}: survey answers with comments. */
    ANSWERS_EXPORT("answers_export"),
    /** {@code GET /employees}: employees with their manager relationship and company attributes. */
    EMPLOYEES("employees"),
    /** {@code GET /engagement/drivers}: the engagement drivers. */
    DRIVERS("drivers"),
    /** The static 17-row driver catalog shipped with the fetcher and published on every run. */
    DRIVERS_CATALOG("drivers_catalog"),
    /** {@code GET /scores/contexts/company_{id}/group/{engagement group}}. */
    SCORES_CONTEXTS("scores_contexts"),
    /** {@code GET /scores/contexts/company_{id}/group/{driver id}}, one call per driver. */
    SCORES_BY_DRIVER("scores_by_driver"),
    /** {@code GET /segments}: the segments (employee-attribute options and manager segments). */
    SEGMENTS("segments"),
    /**
     * {@code GET /scores/contexts/segment_{id}/group/{engagement group}}, one call per segment of the configured
     * attributes (e.g. Department).
     */
    SEGMENT_SCORES("segment_scores");

    private final String collectionName;

    PeakonCollection(String collectionName) {
        this.collectionName = collectionName;
    }

    /** The MongoDB collection name, also the topic suffix and the envelope's {@code collection} field. */
    public String collectionName() {
        return collectionName;
    }

    /** The collection with this name, or empty when the name is not part of the contract. */
    public static Optional<PeakonCollection> fromName(String name) {
        // A map, not a stream over values(): called once per record by the writer.
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    private static final Map<String, PeakonCollection> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PeakonCollection::collectionName, Function.identity()));

    @Override
    public String toString() {
        return collectionName;
    }
}
