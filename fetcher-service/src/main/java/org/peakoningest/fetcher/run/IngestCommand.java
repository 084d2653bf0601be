package org.peakoningest.fetcher.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code fetcher ingest}: one run now under the crawl lock, its summary table on stdout, and the exit status of
 * {@link ExitCodes} ({@code FULL_SYNC}, which {@code --full-sync}/{@code --incremental} override, picks the mode).
 * With {@code LOG_FORMAT=json} stdout carries JSON log lines only: the table is in the run's last log line
 * ({@link IngestionRun}) and nothing is printed besides.
 */
@Component
@ConditionalOnProperty(name = "peakon.fetcher.command", havingValue = "ingest")
class IngestCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    private final IngestionRun ingestion;
    private final LockingTaskExecutor lock;
    private final FetcherProperties props;
    private final boolean dryRun;
    private final boolean jsonLogs;
    private int exitCode = ExitCodes.RUN_FAILED;

    IngestCommand(
            IngestionRun ingestion,
            CrawlLock lock,
            FetcherProperties props,
            @Value("${peakon.fetcher.dry-run:false}") boolean dryRun,
            @Value("${logging.structured.format.console:}") String structuredFormat) {
        this.ingestion = ingestion;
        this.jsonLogs = !structuredFormat.isBlank();
        this.lock = new DefaultLockingTaskExecutor(lock);
        this.props = props;
        this.dryRun = dryRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        SyncMode mode = props.fullSync() ? SyncMode.FULL : SyncMode.INCREMENTAL;
        AtomicReference<RunReport> report = new AtomicReference<>();
        lock.executeWithLock(
                (Runnable) () -> report.set(ingestion.execute(mode, dryRun)),
                new LockConfiguration(Instant.now(), CrawlLock.NAME, props.lockAtMostFor(), Duration.ZERO));
        if (report.get() == null) {
            if (jsonLogs) {
                log.warn("another fetcher holds the crawl lock (fetcher_locks); not crawling, try again later");
            } else {
                System.out.println(
                        "another fetcher holds the crawl lock (fetcher_locks); not crawling, try again later");
            }
            exitCode = ExitCodes.LOCK_HELD;
            return;
        }
        if (!jsonLogs) {
            System.out.print(SummaryTable.render(report.get()));
            System.out.flush();
        }
        exitCode = report.get().status() == RunStatus.SUCCESS ? ExitCodes.SUCCESS : ExitCodes.RUN_FAILED;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
