package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The fetch outcome of a run. */
public enum RunStatus {
    /** Every collection was crawled and published. */
    @JsonProperty("success")
    SUCCESS,
    /** Some collections were published, at least one failed. */
    @JsonProperty("partial")
    PARTIAL,
    /** Nothing usable was published (e.g. authentication failed) or every collection failed. */
    @JsonProperty("failed")
    FAILED
}
