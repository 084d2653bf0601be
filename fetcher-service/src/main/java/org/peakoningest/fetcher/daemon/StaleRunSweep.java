package org.peakoningest.fetcher.daemon;

import java.time.Instant;
import org.peakoningest.fetcher.abandon.Abandonment;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The daemon ends runs whose fetcher died between its crawls, every {@code PEAKON_STALE_RUN_CHECK_INTERVAL}, without
 * taking the crawl lock (a sweep holding it could make another daemon's weekly tick find it held and skip its crawl).
 * Scheduled on the same scheduling thread as the crawls, so this process never sweeps while it crawls.
 */
@Component
@ConditionalOnProperty(name = "peakon.fetcher.command", havingValue = "daemon")
class StaleRunSweep implements ApplicationRunner {

    private final Abandonment abandonment;
    private final TaskScheduler scheduler;
    private final FetcherProperties props;

    StaleRunSweep(Abandonment abandonment, TaskScheduler scheduler, FetcherProperties props) {
        this.abandonment = abandonment;
        this.scheduler = scheduler;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        scheduler.scheduleWithFixedDelay(
                abandonment::sweep, Instant.now().plus(props.staleRunCheckInterval()), props.staleRunCheckInterval());
    }
}
