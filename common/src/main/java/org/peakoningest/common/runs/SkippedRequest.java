package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request the fetcher skipped on purpose, e.g. a driver id that is not a valid score group (HTTP 422).
 *
 * @param context the driver id (or other path parameter) the request was for
 * @param status  the HTTP status received
 * @param reason  a short, credential-free excerpt of the error body
 */
public record SkippedRequest(
        @JsonProperty("context") String context,
        @JsonProperty("status") int status,
        @JsonProperty("reason") String reason) {}
