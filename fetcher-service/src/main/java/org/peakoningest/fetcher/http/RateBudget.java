package org.peakoningest.fetcher.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The client-side request budget: no window of {@code window} length, as Peakon counts it, ever holds more than
 * {@code limit} requests (a sliding log of request times, not a fixed bucket that could allow 2x the limit across a
 * bucket edge). Every request counts: authentication, pages and retries.
 *
 * <p>Peakon counts a request when it arrives, which is after the client was allowed to send it (connecting, a slow
 * first write) and before the answer starts. Stamping the permit's time, as this class once did, let a request that
 * arrived late share a window with one sent a window after its stamp: 21 requests in a 20-per-10 s window. So a
 * {@link Permit} counts from the moment it is granted (in flight it always counts) and is stamped when its answer
 * starts or the attempt fails ({@link Permit#sent()}), the latest moment Peakon can have counted it; it leaves the
 * window strictly more than one window later. On top of that the budget keeps a margin of 2 % of the limit (at
 * least one request, but never the last one) for what the client cannot see: Peakon's own clock and window edges,
 * another tool using the same application.
 */
@Component
public final class RateBudget {

    /** One granted request; {@link #sent()} (or {@link #close()}) stamps it. */
    final class Permit implements AutoCloseable {

        private long sentAt = IN_FLIGHT;

        private Permit() {}

        /** The answer has started: Peakon has counted the request by now. Only the first call stamps. */
        void sent() {
            synchronized (RateBudget.this) {
                if (sentAt == IN_FLIGHT) {
                    inFlight--;
                    sentAt = nanoClock.getAsLong();
                    stamps.addLast(sentAt);
                }
            }
        }

        /** The attempt is over; a request that got no answer (a timeout, a reset) is stamped now. */
        @Override
        public void close() {
            sent();
        }
    }

    private static final long IN_FLIGHT = Long.MIN_VALUE;

    private final int limit;
    private final int usable;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    /** Stamps of sent requests, in the order they were stamped (the clock is monotonic). */
    private final ArrayDeque<Long> stamps = new ArrayDeque<>();

    private int inFlight;

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
        this.usable = usable(limit);
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** The requests a window may hold: the limit less the margin (2 %, at least 1, never the last request). */
    static int usable(int limit) {
        return Math.max(1, limit - Math.max(1, limit / 50));
    }

    /** Blocks until a request may be sent within the budget; the caller closes the permit when the attempt ends. */
    Permit acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = nanoClock.getAsLong();
                prune(now);
                if (inFlight + stamps.size() < usable) {
                    inFlight++;
                    return new Permit();
                }
                // Every slot in flight: wait a little and look again; else until the oldest stamp has left.
                waitNanos = stamps.isEmpty() ? 0 : stamps.peekFirst() + windowNanos - now + 1;
            }
            sleeper.sleep(Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
        }
    }

    /** Requests that could be sent right now without waiting. */
    public synchronized int remaining() {
        prune(nanoClock.getAsLong());
        return usable - inFlight - stamps.size();
    }

    /** The configured limit per window (the budget uses {@link #usable} of it). */
    public int limit() {
        return limit;
    }

    private void prune(long now) {
        // A request stamped at t leaves the window only after t + window: at exactly t + window a server counting
        // both edges of its window would still see it.
        while (!stamps.isEmpty() && now - stamps.peekFirst() > windowNanos) {
            stamps.removeFirst();
        }
    }
}
