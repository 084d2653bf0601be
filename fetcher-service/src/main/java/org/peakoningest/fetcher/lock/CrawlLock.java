package org.peakoningest.fetcher.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * The one crawl at a time across every fetcher process (daemons and {@code ingest} runs alike): a ShedLock lock in
 * {@code fetcher_locks}. The lock is held for {@code lockAtMostFor} and extended while the crawl is alive (keep-alive),
 * so a crashed fetcher blocks others only for that long.
 */
public class CrawlLock {

    static final String NAME = "peakon-crawl";

    private final LockProvider provider;
    private final Duration lockAtMostFor;

    public CrawlLock(LockProvider provider, Duration lockAtMostFor) {
        this.provider = provider;
        this.lockAtMostFor = lockAtMostFor;
    }

    /** Runs {@code task} while holding the lock; empty when another fetcher holds it. */
    public <T> Optional<T> runExclusively(Supplier<T> task) {
        Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), NAME, lockAtMostFor,
                Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(task.get());
        } finally {
            // An interrupted crawl (e.g. shutdown) must still release the lock; the Mongo driver refuses to work
            // on an interrupted thread, so the flag is set aside while unlocking.
            boolean interrupted = Thread.interrupted();
            try {
                lock.get().unlock();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
