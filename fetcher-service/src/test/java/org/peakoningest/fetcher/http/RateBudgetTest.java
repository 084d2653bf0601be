package org.peakoningest.fetcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    @Test
    void noWindowEverHoldsMoreThanTheLimit() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(5, Duration.ofSeconds(10), now::get, d -> now.addAndGet(d.toNanos()));
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            try (RateBudget.Permit permit = budget.acquire()) {
                sentAt.add(now.get());
                now.addAndGet(Duration.ofMillis(300).toNanos()); // the request itself takes a while
                permit.sent();
            }
        }
        long window = Duration.ofSeconds(10).toNanos();
        for (long start : sentAt) {
            long inWindow = sentAt.stream()
                    .filter(t -> t >= start && t < start + window)
                    .count();
            assertThat(inWindow)
                    .as("requests in the window starting at %d ns", start)
                    .isLessThanOrEqualTo(5);
        }
        // 23 requests at 4 per 10 s (5 less the margin): the 21st cannot go before 50 s
        assertThat(sentAt.get(20)).isGreaterThanOrEqualTo(Duration.ofSeconds(50).toNanos());
    }

    @Test
    void remainingCountsDownAndRecoversWhenTheWindowSlides() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(4, Duration.ofSeconds(1), now::get, d -> now.addAndGet(d.toNanos()));
        assertThat(budget.remaining()).isEqualTo(3);
        budget.acquire().sent();
        RateBudget.Permit inFlight = budget.acquire();
        assertThat(budget.remaining()).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(1001).toNanos());
        assertThat(budget.remaining())
                .as("the sent request left the window; the one in flight still counts")
                .isEqualTo(2);
        inFlight.close();
        now.addAndGet(Duration.ofMillis(1000).toNanos());
        assertThat(budget.remaining())
                .as("exactly one window after its stamp it still counts")
                .isEqualTo(2);
        now.addAndGet(1);
        assertThat(budget.remaining()).isEqualTo(3);
    }

    @Test
    void theMarginIsTwoPercentAtLeastOneButNeverTheLastRequest() {
        assertThat(RateBudget.usable(5000)).isEqualTo(4900);
        assertThat(RateBudget.usable(20)).isEqualTo(19);
        assertThat(RateBudget.usable(2)).isEqualTo(1);
        assertThat(RateBudget.usable(1)).isEqualTo(1);
    }
}
