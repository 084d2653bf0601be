package org.peakoningest.fetcher.lock;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.peakoningest.common.MongoCollections;
import org.springframework.beans.factory.DisposableBean;
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

    // Its own thread, not a bean: a ScheduledExecutorService bean would become the daemon's @Scheduled scheduler.
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "crawl-lock-keepalive");
        thread.setDaemon(true);
        return thread;
    });
    private final LockProvider provider;

    CrawlLock(MongoTemplate mongo) {
        this.provider = new KeepAliveLockProvider(
                new MongoLockProvider(mongo.getCollection(MongoCollections.FETCHER_LOCKS)), keepAlive);
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        return provider.lock(configuration);
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
