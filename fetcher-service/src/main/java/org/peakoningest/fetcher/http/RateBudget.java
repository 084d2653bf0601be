package org.peakoningest.fetcher.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The client-side request budget: no window of {@code window} length ever holds more than {@code limit} requests
 * (a sliding log of request times, not a fixed bucket that could allow 2x the limit across a bucket edge). Every
 * request counts: authentication, pages and retries.
 */
@Component
public final class RateBudget {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final ArrayDeque<Long> granted = new ArrayDeque<>();

    @Autowired
    RateBudget(FetcherProperties props) {
        this(props.rateLimitPerHour(), props.rateLimitWindow());
    }

    public RateBudget(int limit, Duration window) {
        this(limit, window, System::nanoTime, Sleeper.REAL);
    }

    RateBudget(int limit, Duration window, LongSupplier nanoClock, Sleeper sleeper) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Blocks until a request may be sent within the budget, then counts it. */
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = nanoClock.getAsLong();
                prune(now);
                if (granted.size() < limit) {
                    granted.addLast(now);
                    return;
                }
                waitNanos = granted.peekFirst() + windowNanos - now;
            }
            sleeper.sleep(Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
        }
    }

    /** Requests that could be sent right now without waiting. */
    public synchronized int remaining() {
        prune(nanoClock.getAsLong());
        return limit - granted.size();
    }

    public int limit() {
        return limit;
    }

    private void prune(long now) {
        // A request sent at t leaves the window at t + window: only then may another take its place.
        while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
            granted.removeFirst();
        }
    }
}
