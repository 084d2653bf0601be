package org.peakoningest.fetcher.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionFinished;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStarted;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.abandon.Abandonment;
import org.peakoningest.fetcher.alert.RunAlerts;
import org.peakoningest.fetcher.auth.AuthenticationException;
import org.peakoningest.fetcher.auth.BearerTokens;
import org.peakoningest.fetcher.crawl.Crawler;
import org.peakoningest.fetcher.crawl.DriversCatalog;
import org.peakoningest.fetcher.crawl.RunContext;
import org.peakoningest.fetcher.crawl.SegmentCrawl;
import org.peakoningest.fetcher.crawl.SegmentSelection;
import org.peakoningest.fetcher.progress.FetcherMetrics;
import org.peakoningest.fetcher.publish.DryRunPublisher;
import org.peakoningest.fetcher.publish.PublishException;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.servicesupport.logging.RunIdLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run, top to bottom: announce it, authenticate, crawl every collection (each announced when all its records
 * are acknowledged), announce the outcome. Runs under the crawl lock (see {@code lock.CrawlLock}).
 */
@Component
public class IngestionRun {

    private static final Logger log = LoggerFactory.getLogger(IngestionRun.class);

    /**
     * Crawl order: drivers before scores_by_driver, which needs their ids; segments before segment_scores, likewise.
     * segment_scores comes last: it is the one collection the rate budget may cut short (see {@code SegmentCrawl}).
     */
    static final List<PeakonCollection> ORDER = List.of(
            PeakonCollection.ANSWERS_EXPORT,
            PeakonCollection.EMPLOYEES,
            PeakonCollection.DRIVERS,
            PeakonCollection.DRIVERS_CATALOG,
            PeakonCollection.SCORES_CONTEXTS,
            PeakonCollection.SCORES_BY_DRIVER,
            PeakonCollection.SEGMENTS,
            PeakonCollection.SEGMENT_SCORES);

    private static final String NOT_CRAWLED = "not crawled: ";

    private final RecordPublisher kafka;
    private final BearerTokens tokens;
    private final Crawler crawler;
    private final SegmentCrawl segmentCrawl;
    private final FetcherMetrics metrics;
    private final LastRun lastRun;
    private final Abandonment abandonment;
    private final RunAlerts alerts;

    IngestionRun(
            RecordPublisher kafka,
            BearerTokens tokens,
            Crawler crawler,
            SegmentCrawl segmentCrawl,
            FetcherMetrics metrics,
            LastRun lastRun,
            Abandonment abandonment,
            RunAlerts alerts) {
        this.kafka = kafka;
        this.tokens = tokens;
        this.crawler = crawler;
        this.segmentCrawl = segmentCrawl;
        this.metrics = metrics;
        this.lastRun = lastRun;
        this.abandonment = abandonment;
        this.alerts = alerts;
    }

    /** One run; the caller holds the crawl lock ({@code ingest} and the daemon both take it first). */
    public RunReport execute(SyncMode mode, boolean dryRun) {
        if (!dryRun) {
            // Under the lock no other fetcher crawls: a run still running is one whose fetcher died. A dry run
            // publishes nothing, so it leaves them to the next real run.
            abandonment.underTheLock();
        }
        RunContext run =
                new RunContext(UUID.randomUUID().toString(), mode, dryRun, dryRun ? new DryRunPublisher() : kafka);
        // Every line the crawl logs on this thread carries the run id (a field of its own with LOG_FORMAT=json).
        try (var runId = RunIdLogging.of(run.runId())) {
            return crawl(run, mode, dryRun);
        }
    }

    private RunReport crawl(RunContext run, SyncMode mode, boolean dryRun) {
        var startedAt = Timestamps.now();
        log.info(
                "{}run {} started ({} sync)",
                dryRun ? "dry " : "",
                run.runId(),
                mode.name().toLowerCase(Locale.ROOT));
        lastRun.started(run.runId());
        Map<String, CollectionStats> stats = new LinkedHashMap<>();
        try {
            run.publisher()
                    .publish(RunStarted.of(
                            run.runId(),
                            startedAt,
                            mode,
                            ORDER.stream().map(PeakonCollection::collectionName).toList()));
        } catch (PublishException e) {
            return finish(run, startedAt, RunStatus.FAILED, e.getMessage(), stats, false);
        }

        String authError = authenticate(dryRun);
        // Peakon's count of the employees, asked once before the crawl: its failure only costs the comparison
        // (EmployeeCount logs it), but a token renewal that failed on it stops the run like one in any collection.
        OptionalLong employeeCount = authError == null ? crawler.employeeCount(run) : OptionalLong.empty();
        if (authError == null) {
            authError = tokens.failure().orElse(null);
        }
        List<String> driverIds = new ArrayList<>();
        boolean driversOk = false;
        SegmentSelection segments = new SegmentSelection();
        boolean segmentsOk = false;
        String lastError = authError;
        for (PeakonCollection collection : ORDER) {
            // Only the static catalog needs no bearer token.
            CollectionStats result = authError != null && collection != PeakonCollection.DRIVERS_CATALOG
                    ? notCrawled(authError)
                    : switch (collection) {
                        case DRIVERS_CATALOG -> DriversCatalog.publish(run);
                        case ANSWERS_EXPORT -> crawler.answers(run);
                        case EMPLOYEES -> crawler.employees(run, employeeCount);
                        case DRIVERS -> crawler.drivers(run, driverIds);
                        case SCORES_CONTEXTS -> crawler.scoresContexts(run);
                        case SCORES_BY_DRIVER ->
                            driversOk
                                    ? crawler.scoresByDriver(run, driverIds)
                                    : notCrawled("the drivers collection failed, so the driver ids are unknown");
                        case SEGMENTS -> segmentCrawl.segments(run, segments);
                        case SEGMENT_SCORES ->
                            segmentsOk
                                    ? segmentCrawl.segmentScores(run, segments)
                                    : notCrawled("the segments collection failed, so the segment ids are unknown");
                    };
            if (collection == PeakonCollection.DRIVERS) {
                driversOk = result.status() == CollectionStatus.SUCCESS;
            }
            if (collection == PeakonCollection.SEGMENTS) {
                segmentsOk = result.status() == CollectionStatus.SUCCESS;
            }
            if (authError == null) {
                // A 401 whose renewal failed (e.g. the app token was revoked): every later call would fail the same
                // way, so the rest is not crawled and the failure, not its echoes, is the run's last error.
                authError = tokens.failure().orElse(null);
            }
            if (authError != null) {
                lastError = authError;
            } else if (result.error() != null && !result.error().startsWith(NOT_CRAWLED)) {
                // "not crawled" repeats an earlier collection's failure: that one stays the cause.
                lastError = result.error();
            }
            stats.put(collection.collectionName(), result);
            try {
                run.publisher()
                        .publish(CollectionFinished.of(
                                run.runId(), Timestamps.now(), collection.collectionName(), result));
            } catch (PublishException e) {
                return finish(run, startedAt, RunStatus.FAILED, e.getMessage(), stats, false);
            }
        }
        return finish(run, startedAt, status(authError, stats), lastError, stats, true);
    }

    private String authenticate(boolean dryRun) {
        try {
            tokens.startRun(!dryRun);
            return null;
        } catch (AuthenticationException e) {
            log.error("{}", e.getMessage());
            return e.getMessage();
        } catch (RuntimeException e) {
            // e.g. MongoDB gone since startup while reading the token cache: the run still ends with RunFinished
            String message = "authentication failed: " + e;
            log.error("{}", message);
            return message;
        }
    }

    /**
     * failed: authentication failed (at the start or mid-crawl) or no API collection succeeded; partial: some
     * failed; else success.
     */
    static RunStatus status(String authError, Map<String, CollectionStats> stats) {
        if (authError != null) {
            return RunStatus.FAILED;
        }
        boolean anyFailed = stats.values().stream().anyMatch(s -> s.status() == CollectionStatus.FAILED);
        boolean anyApiSucceeded = stats.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(PeakonCollection.DRIVERS_CATALOG.collectionName())
                        && e.getValue().status() == CollectionStatus.SUCCESS);
        if (!anyApiSucceeded) {
            return RunStatus.FAILED;
        }
        return anyFailed ? RunStatus.PARTIAL : RunStatus.SUCCESS;
    }

    private RunReport finish(
            RunContext run,
            Instant startedAt,
            RunStatus status,
            String lastError,
            Map<String, CollectionStats> stats,
            boolean announce) {
        var finishedAt = Timestamps.now();
        if (announce) {
            try {
                run.publisher()
                        .publish(RunFinished.of(
                                run.runId(), startedAt, finishedAt, run.mode(), status, lastError, stats));
            } catch (PublishException e) {
                status = RunStatus.FAILED;
                lastError = e.getMessage();
            }
        }
        RunReport report = new RunReport(
                run.runId(),
                run.mode(),
                run.dryRun(),
                status,
                startedAt,
                finishedAt,
                lastError,
                new LinkedHashMap<>(stats));
        metrics.runFinished(report.status(), report.duration(), report.finishedAt());
        lastRun.finished(report);
        if (!run.dryRun()) {
            alerts.runEnded(run.runId(), status, lastError, stats);
        }
        log.info("\n{}", SummaryTable.render(report));
        return report;
    }

    private static CollectionStats notCrawled(String cause) {
        return new CollectionStats(CollectionStatus.FAILED, 0, 0, List.of(), NOT_CRAWLED + cause);
    }
}
