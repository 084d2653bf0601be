package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a run started from the stored cursors ({@code incremental}) or from the beginning ({@code full}). */
public enum SyncMode {
    @JsonProperty("full")
    FULL,
    @JsonProperty("incremental")
    INCREMENTAL
}
