package org.peakoningest.fetcher.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Peakon answered with a non-success status. The message carries the status and a short, credential-free excerpt
 * of the body, never a token.
 */
public class PeakonHttpException extends RuntimeException {

    private final int status;
    private final String excerpt;
    private final transient Duration retryAfter;

    public PeakonHttpException(String request, int status, String excerpt, Duration retryAfter) {
        super(request + " answered HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
        this.status = status;
        this.excerpt = excerpt;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String excerpt() {
        return excerpt;
    }

    /** The server's {@code Retry-After}, when it sent one we could read. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
