package org.peakoningest.fetcher.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.CronSchedule;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.config.StartupChecks;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.fetcher.run.IngestionRun;
import org.peakoningest.fetcher.run.RunReport;
import org.peakoningest.fetcher.run.SummaryTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/** What {@code ingest} and {@code daemon} do, with their exit statuses (see {@link ExitCodes}). */
public class FetcherCommands {

    private static final Logger log = LoggerFactory.getLogger(FetcherCommands.class);

    private final FetcherProperties props;
    private final StartupChecks checks;
    private final CrawlLock lock;
    private final IngestionRun run;
    private final PrintStream out;
    /** How long stopping the daemon waits for a running crawl before the process goes anyway. */
    static final int SHUTDOWN_GRACE_SECONDS = 30;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public FetcherCommands(FetcherProperties props, StartupChecks checks, CrawlLock lock, IngestionRun run,
                           PrintStream out) {
        this.props = props;
        this.checks = checks;
        this.lock = lock;
        this.run = run;
        this.out = out;
    }

    public int execute(CliCommand command) {
        checks.verify();
        return command.mode() == CliCommand.Mode.INGEST
                ? ingest(command.fullSync().orElse(props.fullSync()), command.dryRun())
                : daemon();
    }

    /** One run now. */
    public int ingest(boolean fullSync, boolean dryRun) {
        Optional<RunReport> report = runOnce(fullSync, dryRun);
        if (report.isEmpty()) {
            out.println("another fetcher holds the crawl lock (fetcher_locks); not crawling, try again later");
            return ExitCodes.LOCK_HELD;
        }
        out.print(SummaryTable.render(report.get()));
        out.flush();
        return report.get().status() == RunStatus.SUCCESS ? ExitCodes.SUCCESS : ExitCodes.RUN_FAILED;
    }

    /** Runs under the crawl lock; empty when another fetcher holds it. */
    public Optional<RunReport> runOnce(boolean fullSync, boolean dryRun) {
        SyncMode mode = fullSync ? SyncMode.FULL : SyncMode.INCREMENTAL;
        return lock.runExclusively(() -> run.execute(mode, dryRun));
    }

    /** {@code RUN_ON_START}, then every {@code SCHEDULE_CRON} tick, until the process is stopped. */
    public int daemon() {
        String cron = CronSchedule.toSpring(props.scheduleCron());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("crawl-");
        scheduler.setPoolSize(1);
        // Stopping lets a running crawl finish (up to the grace period) rather than interrupting it mid-page.
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(SHUTDOWN_GRACE_SECONDS);
        // ...but the next cron tick, still pending, is dropped.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.initialize();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(SHUTDOWN_GRACE_SECONDS + 5L, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fetcher-stop"));
        try {
            if (props.runOnStart()) {
                scheduler.execute(this::scheduledRun);
            }
            CronTrigger trigger = new CronTrigger(cron);
            scheduler.schedule(this::scheduledRun, trigger);
            log.info("daemon: crawling on schedule '{}' ({})", props.scheduleCron(), cron);
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.shutdown();
            stopped.countDown();
            log.info("daemon stopped");
        }
        return ExitCodes.SUCCESS;
    }

    /** Stops a running daemon (tests; the process uses its shutdown hook). */
    public void stopDaemon() {
        stop.countDown();
    }

    private void scheduledRun() {
        try {
            Optional<RunReport> report = runOnce(props.fullSync(), false);
            if (report.isEmpty()) {
                log.info("another fetcher holds the crawl lock; waiting for the next tick");
            }
        } catch (RuntimeException e) {
            // A scheduled run must never kill the schedule; the error is logged and the next tick tries again.
            log.error("run failed unexpectedly: {}", e.toString(), e);
        }
    }
}
