package org.peakoningest.fetcher.daemon;

import java.time.Instant;
import org.peakoningest.fetcher.config.CronSchedule;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * {@code RUN_ON_START}: the daemon's first run, through the same locked method as every tick and on the same
 * scheduling thread, so it never overlaps a tick of this process.
 */
@Component
@ConditionalOnProperty(name = "peakon.fetcher.command", havingValue = "daemon")
class RunOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RunOnStart.class);

    private final ScheduledCrawl crawl;
    private final TaskScheduler scheduler;
    private final FetcherProperties props;

    RunOnStart(ScheduledCrawl crawl, TaskScheduler scheduler, FetcherProperties props) {
        this.crawl = crawl;
        this.scheduler = scheduler;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info(
                "daemon: crawling on schedule '{}' ({})",
                props.scheduleCron(),
                CronSchedule.toSpring(props.scheduleCron()));
        if (props.runOnStart()) {
            scheduler.schedule(crawl::crawl, Instant.now());
        }
    }
}
