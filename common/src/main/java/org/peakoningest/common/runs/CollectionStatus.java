package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The fetch outcome of one collection in a run. */
public enum CollectionStatus {
    /** Crawled to the end and every record acknowledged by Kafka. */
    @JsonProperty("success")
    SUCCESS,
    /** Stopped by an error; what was published before it stays published. */
    @JsonProperty("failed")
    FAILED
}
