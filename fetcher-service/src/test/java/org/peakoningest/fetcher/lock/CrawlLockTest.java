package org.peakoningest.fetcher.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import org.junit.jupiter.api.Test;

/** Releasing the crawl lock is best effort: the lock expires by itself. */
class CrawlLockTest {

    private static final LockConfiguration CRAWL =
            new LockConfiguration(Instant.now(), CrawlLock.NAME, Duration.ofMinutes(10), Duration.ZERO);

    private final AtomicInteger releases = new AtomicInteger();

    /** As when MongoDB does not answer while the run ends (found frozen by MongoFrozenIT, issue #12). */
    private final CrawlLock mongoGoneAtTheEnd = new CrawlLock(keepAlive -> configuration -> Optional.of(() -> {
        releases.incrementAndGet();
        throw new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector");
    }));

    @Test
    void aRunWhoseLockCannotBeReleasedStillEndsAsTheRunEnded() {
        AtomicBoolean crawled = new AtomicBoolean();

        // What `ingest` does (IngestCommand): the run under the lock, through ShedLock's executor.
        new DefaultLockingTaskExecutor(mongoGoneAtTheEnd).executeWithLock((Runnable) () -> crawled.set(true), CRAWL);

        assertThat(crawled).isTrue();
        assertThat(releases).as("the release was attempted").hasValue(1);
    }

    @Test
    void aLockThatCannotBeTakenStillFailsTheRun() {
        CrawlLock mongoGoneAtTheStart = new CrawlLock(keepAlive -> configuration -> {
            throw new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector");
        });

        assertThatThrownBy(() ->
                        new DefaultLockingTaskExecutor(mongoGoneAtTheStart).executeWithLock((Runnable) () -> {}, CRAWL))
                .isInstanceOf(MongoTimeoutException.class);
    }
}
