package org.peakoningest.fetcher.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The retry rules of Peakon requests: which failures are transient, and how long to wait before the next attempt.
 */
final class RetryPolicies {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicies.class);

    private RetryPolicies() {}

    /** 5xx, 429, timeouts and connection errors are transient; any other status or a bad body is not. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PeakonHttpException http) {
                // other statuses will not change by asking again
                return http.status() >= 500 || http.status() == 429;
            }
            if (t instanceof ResourceAccessException
                    || t instanceof JacksonIOException
                    || t instanceof UncheckedIOException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Exponential backoff with jitter (each wait is drawn from the upper half of {@code initial * 2^(n-1)}, capped
     * at {@code max}), except after a 429 with a readable {@code Retry-After}, which is honoured as sent.
     */
    static final class JitteredBackOff implements BackOffPolicy {

        /** A server asking for more than this is treated as asking for this: a crawl must still end. */
        private static final Duration RETRY_AFTER_CAP = Duration.ofHours(1);

        private final Duration initial;
        private final Duration max;
        private final Runnable onRetry;

        JitteredBackOff(Duration initial, Duration max, Runnable onRetry) {
            this.initial = initial;
            this.max = max;
            this.onRetry = onRetry;
        }

        @Override
        public BackOffContext start(RetryContext context) {
            return new Context(context);
        }

        @Override
        public void backOff(BackOffContext backOffContext) {
            RetryContext retry = ((Context) backOffContext).retry;
            Throwable last = retry.getLastThrowable();
            Duration wait = waitAfter(last, retry.getRetryCount());
            onRetry.run();
            log.warn(
                    "attempt {} failed ({}: {}); retrying in {} ms",
                    retry.getRetryCount(),
                    last.getClass().getSimpleName(),
                    last.getMessage(),
                    wait.toMillis());
            try {
                Sleeper.REAL.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackOffInterruptedException("interrupted while backing off", e);
            }
        }

        Duration waitAfter(Throwable last, int failedAttempts) {
            if (last instanceof PeakonHttpException http
                    && http.status() == 429
                    && http.retryAfter().isPresent()) {
                Duration asked = http.retryAfter().get();
                return asked.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : asked;
            }
            int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
            long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << exponent));
            long floor = ceiling / 2;
            return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
        }

        private record Context(RetryContext retry) implements BackOffContext {}
    }
}
