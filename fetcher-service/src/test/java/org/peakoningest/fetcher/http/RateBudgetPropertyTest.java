package org.peakoningest.fetcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The budget seen from Peakon's side: a request is counted when it arrives, which is some time after the client was
 * allowed to send it (connection set-up, a slow first byte) and before its answer starts. Over thousands of seeded
 * random timings, no sliding window may ever see more requests arrive than the configured limit.
 */
class RateBudgetPropertyTest {

    private static final int CASES = 3000;

    @Test
    void noServerSideWindowEverSeesMoreThanTheLimit() throws InterruptedException {
        for (int seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            int limit = 1 + random.nextInt(30);
            long window = Duration.ofMillis(200 + random.nextInt(20_000)).toNanos();
            AtomicLong now = new AtomicLong(random.nextLong(1_000_000_000L));
            RateBudget budget = new RateBudget(
                    limit, Duration.ofNanos(window), now::get, d -> now.addAndGet(Math.max(0, d.toNanos())));
            List<Long> arrivals = new ArrayList<>();
            int requests = limit * (2 + random.nextInt(4));
            for (int i = 0; i < requests; i++) {
                // Up to a tenth of the window between permit and arrival, then until the answer starts.
                long toArrival = random.nextInt(4) == 0 ? random.nextLong(window / 10 + 1) : random.nextLong(1_000_000);
                long toAnswer = random.nextLong(window / 20 + 1);
                try (RateBudget.Permit permit = budget.acquire()) {
                    now.addAndGet(toArrival);
                    arrivals.add(now.get());
                    now.addAndGet(toAnswer);
                    if (random.nextInt(10) != 0) {
                        permit.sent(); // the answer starts; else the attempt fails without one (closed below)
                    }
                    now.addAndGet(random.nextLong(window / 20 + 1)); // reading the body
                }
                if (random.nextInt(5) == 0) {
                    now.addAndGet(random.nextLong(window)); // the crawl pauses (publishing, backoff)
                }
            }
            assertWithinLimit(seed, arrivals, limit, window);
        }
    }

    private static void assertWithinLimit(int seed, List<Long> arrivals, int limit, long window) {
        // Any window holding n arrivals can be slid to start at one of them, so checking those starts is enough.
        // Closed windows [t, t + window]: a server that counts both edges must not see the limit exceeded either.
        for (int i = 0; i < arrivals.size(); i++) {
            long from = arrivals.get(i);
            int inWindow = 0;
            for (int j = i; j < arrivals.size() && arrivals.get(j) <= from + window; j++) {
                inWindow++;
            }
            assertThat(inWindow)
                    .as(
                            "seed %d: arrivals in the window from request %d (limit %d, window %d ns)",
                            seed, i, limit, window)
                    .isLessThanOrEqualTo(limit);
        }
    }
}
