package org.peakoningest.common.runs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether what a run published is in MongoDB: the {@code landing_status} the writer records in the run's
 * {@code ingestion_runs} document (next to {@code status}, the fetch's {@link RunStatus}). The writer decides it from
 * the run document and the recounted landed documents; whoever reads the run (the browse API, the launcher, the
 * benchmark) takes the values from here, so a status the writer adds is known everywhere at once.
 */
public enum RunLandingStatus {
    /**
     * The fetch finished and every collection landed at least its distinct keys (else its published count). May still
     * become {@link #SUPERSEDED} when a later run replaces some of its documents.
     */
    COMPLETE("complete"),
    /**
     * The fetch finished, and every collection short of its published count holds documents of a later run: the
     * missing documents were re-fetched and replaced, not lost.
     */
    SUPERSEDED("superseded"),
    /**
     * The fetch failed and published nothing from Peakon (every collection but the static drivers catalog published
     * 0, e.g. authentication failed): there is no copy to call complete, and nothing is on its way.
     */
    NOTHING("nothing"),
    /** Anything else: still fetching, records still on their way, or lost. */
    PENDING("pending");

    private final String value;

    RunLandingStatus(String value) {
        this.value = value;
    }

    /** The value stored in {@code landing_status}. */
    public String value() {
        return value;
    }

    /**
     * Whether the writer has decided this run's landing: every status but {@link #PENDING}. Waiting longer for such a
     * run changes nothing (only a later run can still turn {@link #COMPLETE} into {@link #SUPERSEDED}).
     */
    public boolean decided() {
        return this != PENDING;
    }

    /** The status stored as {@code value}, or empty when {@code value} is none of them. */
    public static Optional<RunLandingStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Every stored value, in declaration order. */
    public static List<String> storedValues() {
        return Arrays.stream(values()).map(RunLandingStatus::value).toList();
    }

    @Override
    public String toString() {
        return value;
    }
}
