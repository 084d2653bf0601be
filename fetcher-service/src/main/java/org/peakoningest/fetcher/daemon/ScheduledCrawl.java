package org.peakoningest.fetcher.daemon;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutorListener;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.fetcher.run.IngestionRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code fetcher daemon}: a run on every {@code SCHEDULE_CRON} tick (and one at start, see {@link RunOnStart}), each
 * under the crawl lock; while another fetcher holds it, the tick is skipped. Runs take turns on Boot's one
 * scheduling thread; stopping the process lets a running crawl finish for
 * {@code spring.task.scheduling.shutdown.await-termination-period} (application.yml).
 */
@Component
@ConditionalOnProperty(name = "peakon.fetcher.command", havingValue = "daemon")
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "${peakon.fetcher.lock-at-most-for}")
class ScheduledCrawl implements LockingTaskExecutorListener {

    private static final Logger log = LoggerFactory.getLogger(ScheduledCrawl.class);

    private final IngestionRun ingestion;
    private final FetcherProperties props;

    ScheduledCrawl(IngestionRun ingestion, FetcherProperties props) {
        this.ingestion = ingestion;
        this.props = props;
    }

    /** {@code SCHEDULE_CRON} is written with 5 fields (the brief's form); Spring's cron has seconds first. */
    @Scheduled(cron = "#{T(org.peakoningest.fetcher.config.CronSchedule).toSpring('${peakon.fetcher.schedule-cron}')}")
    @SchedulerLock(name = CrawlLock.NAME)
    public void crawl() {
        try {
            ingestion.execute(props.fullSync() ? SyncMode.FULL : SyncMode.INCREMENTAL, false);
        } catch (RuntimeException e) {
            // A scheduled run must never kill the schedule; the error is logged and the next tick tries again.
            log.error("run failed unexpectedly: {}", e.toString(), e);
        }
    }

    @Override
    public void onLockNotAcquired(LockConfiguration lock) {
        log.info("another fetcher holds the crawl lock; waiting for the next tick");
    }
}
