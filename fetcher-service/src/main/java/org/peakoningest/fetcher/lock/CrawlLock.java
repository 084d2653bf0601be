package org.peakoningest.fetcher.lock;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.bson.Document;
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
 * keep-alive), so a crashed fetcher blocks the others only for that long; its run is then ended as abandoned (see
 * {@code abandon.Abandonment}), which reads the lock with {@link #state()}.
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
    // ShedLock's Mongo document of a lock: _id (the name), lockUntil, lockedAt, lockedBy (the holder's host name).
    private static final String LOCK_UNTIL = "lockUntil";
    private static final String LOCKED_BY = "lockedBy";

    private final LockProvider provider;
    private final MongoTemplate mongo;

    @Autowired
    CrawlLock(MongoTemplate mongo) {
        this(
                mongo,
                keepAlive -> new KeepAliveLockProvider(
                        new MongoLockProvider(mongo.getCollection(MongoCollections.FETCHER_LOCKS)), keepAlive));
    }

    /** A lock without {@link #state()} (no MongoDB to read it from): for tests of taking and releasing. */
    CrawlLock(Function<ScheduledExecutorService, LockProvider> provider) {
        this(null, provider);
    }

    /** @param provider the lock provider, given the keep-alive thread */
    private CrawlLock(MongoTemplate mongo, Function<ScheduledExecutorService, LockProvider> provider) {
        this.mongo = mongo;
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

    /**
     * The lock as it is stored now, read without taking it; empty when it was never taken. A holder's
     * {@code lockUntil} is at least half of {@code lockAtMostFor} ahead while it lives (the keep-alive extends it at
     * half time); a released lock's is the release time.
     */
    public Optional<LockState> state() {
        Document lock = mongo.getCollection(MongoCollections.FETCHER_LOCKS)
                .find(Filters.eq("_id", NAME))
                .first();
        if (lock == null || !(lock.get(LOCK_UNTIL) instanceof Date until)) {
            return Optional.empty();
        }
        return Optional.of(new LockState(until.toInstant(), lock.getString(LOCKED_BY)));
    }

    /**
     * The stored crawl lock.
     *
     * @param lockUntil until when it is held (in the clock of the holder's host)
     * @param lockedBy  the host name of its last holder
     */
    public record LockState(Instant lockUntil, String lockedBy) {}

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
