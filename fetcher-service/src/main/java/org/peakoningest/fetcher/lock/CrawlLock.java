package org.peakoningest.fetcher.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.peakoningest.common.MongoCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The one crawl at a time across every fetcher process (daemons and {@code ingest} runs alike): ShedLock's lock
 * {@value #NAME} in {@code fetcher_locks}, the lock provider of {@code @SchedulerLock} and of {@code ingest}'s
 * {@code LockingTaskExecutor}. It is taken for {@code lockAtMostFor} and extended while the crawl runs (ShedLock's
 * keep-alive), so a crashed fetcher blocks the others only for that long.
 */
@Component
public class CrawlLock implements LockProvider, DisposableBean {

    public static final String NAME = "peakon-crawl";

    private static final Logger log = LoggerFactory.getLogger(CrawlLock.class);

    // Its own thread, not a bean: a ScheduledExecutorService bean would become the daemon's @Scheduled scheduler.
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "crawl-lock-keepalive");
        thread.setDaemon(true);
        return thread;
    });
    private final LockProvider provider;

    @Autowired
    CrawlLock(MongoTemplate mongo) {
        this(keepAlive -> new KeepAliveLockProvider(
                new MongoLockProvider(mongo.getCollection(MongoCollections.FETCHER_LOCKS)), keepAlive));
    }

    /** @param provider the lock provider, given the keep-alive thread */
    CrawlLock(Function<ScheduledExecutorService, LockProvider> provider) {
        this.provider = provider.apply(keepAlive);
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        return provider.lock(configuration).map(lock -> new BestEffortRelease(lock, configuration.getLockAtMostFor()));
    }

    /**
     * Releasing is best effort: when MongoDB does not answer as a run ends, the run's outcome (its events are on Kafka
     * already) and {@code ingest}'s exit status stay what the run decided; the lock, no longer kept alive, expires by
     * itself {@code lockAtMostFor} after its last extension. Taking the lock is not: a failure there still fails.
     */
    private record BestEffortRelease(SimpleLock lock, Duration expiresWithin) implements SimpleLock {

        @Override
        public void unlock() {
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                log.warn(
                        "the crawl lock '{}' could not be released ({}); it expires by itself within {}",
                        NAME,
                        e.toString(),
                        expiresWithin);
            }
        }

        @Override
        public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
            return lock.extend(lockAtMostFor, lockAtLeastFor);
        }
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
