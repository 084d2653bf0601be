package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fetch outcome of a run: the {@code status} of {@link RunFinished}, which the writer stores in the run's
 * {@code ingestion_runs} document (where {@code running} stands for a run without one yet, see
 * {@link RunFields#RUNNING}). Whoever reads or filters that status (the writer, the browse API) takes the values from
 * here, so a status added here is known everywhere at once.
 */
public enum RunStatus {
    /** Every collection was crawled and published. */
    @JsonProperty("success")
    SUCCESS("success"),
    /** Some collections were published, at least one failed. */
    @JsonProperty("partial")
    PARTIAL("partial"),
    /** Nothing usable was published (e.g. authentication failed) or every collection failed. */
    @JsonProperty("failed")
    FAILED("failed"),
    /**
     * The fetcher stopped mid-run (killed, crashed, its machine lost) and never said how the run ended: another
     * fetcher found the run still running with nobody holding the crawl lock and ended it in its place. Its
     * collections are the ones the dead fetcher had finished; what it published of the others is on the topics but
     * uncounted.
     */
    @JsonProperty("abandoned")
    ABANDONED("abandoned");

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    /** The JSON value, also the value the writer stores in {@code ingestion_runs.status}. */
    public String value() {
        return value;
    }

    /** The status written as {@code value}, or empty when {@code value} is none of them. */
    public static Optional<RunStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Every value, in declaration order. */
    public static List<String> storedValues() {
        return Arrays.stream(values()).map(RunStatus::value).toList();
    }

    @Override
    public String toString() {
        return value;
    }
}
