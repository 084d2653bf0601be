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
            budget.acquire();
            sentAt.add(now.get());
            now.addAndGet(Duration.ofMillis(300).toNanos()); // the request itself takes a while
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
        // 23 requests at 5 per 10 s: the 21st cannot go before 40 s
        assertThat(sentAt.get(20)).isGreaterThanOrEqualTo(Duration.ofSeconds(40).toNanos());
    }

    @Test
    void remainingCountsDownAndRecoversWhenTheWindowSlides() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(3, Duration.ofSeconds(1), now::get, d -> now.addAndGet(d.toNanos()));
        assertThat(budget.remaining()).isEqualTo(3);
        budget.acquire();
        budget.acquire();
        assertThat(budget.remaining()).isEqualTo(1);
        now.addAndGet(Duration.ofMillis(1000).toNanos());
        assertThat(budget.remaining()).isEqualTo(3);
    }
}
