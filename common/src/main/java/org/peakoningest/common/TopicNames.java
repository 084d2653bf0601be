package org.peakoningest.common;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topic names of the contract: one topic per data collection ({@code <prefix><collection>}), one run-events
 * topic ({@code <prefix>run_events}) and, for every topic a consumer reads, a dead-letter topic
 * ({@code <topic>.DLT}).
 *
 * @param prefix the configurable prefix, {@value #DEFAULT_PREFIX} by default; may be empty
 */
public record TopicNames(String prefix) {

    public static final String DEFAULT_PREFIX = "peakon.";
    public static final String RUN_EVENTS_SUFFIX = "run_events";
    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    public static final String ERASURES_SUFFIX = "erasures";

    /** Kafka's legal topic characters; the prefix must keep every derived name legal. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

    private static final int MAX_TOPIC_LENGTH = 249;

    public TopicNames {
        Objects.requireNonNull(prefix, "topic prefix");
        if (!LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "topic prefix '" + prefix + "' may only contain letters, digits, '.', '_' and '-'");
        }
        int longest = Arrays.stream(PeakonCollection.values())
                        .mapToInt(c -> c.collectionName().length())
                        .max()
                        .orElse(0)
                + DEAD_LETTER_SUFFIX.length();
        if (prefix.length() + longest > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("topic prefix is too long: topic names are limited to 249 characters");
        }
    }

    public static TopicNames defaults() {
        return new TopicNames(DEFAULT_PREFIX);
    }

    public String dataTopic(PeakonCollection collection) {
        return prefix + collection.collectionName();
    }

    /** Every data topic, in {@link PeakonCollection} order. */
    public List<String> dataTopics() {
        return Arrays.stream(PeakonCollection.values()).map(this::dataTopic).toList();
    }

    public String runEventsTopic() {
        return prefix + RUN_EVENTS_SUFFIX;
    }

    /**
     * The erasure register (issue #14): one compacted record per erased person, keyed by the person's id hashed with
     * the installation's secret; a tombstone lifts the erasure.
     */
    public String erasuresTopic() {
        return prefix + ERASURES_SUFFIX;
    }

    /** Where a consumer sends records it cannot process. */
    public String deadLetterTopic(String sourceTopic) {
        return sourceTopic + DEAD_LETTER_SUFFIX;
    }

    /** The collection a data topic carries, or empty for any other topic. */
    public Optional<PeakonCollection> collectionOf(String topic) {
        if (topic == null || !topic.startsWith(prefix)) {
            return Optional.empty();
        }
        return PeakonCollection.fromName(topic.substring(prefix.length()));
    }
}
