package org.peakoningest.fetcher.abandon;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.fetcher.alert.RunAlerts;
import org.peakoningest.fetcher.lock.CrawlLock;
import org.peakoningest.fetcher.progress.FetcherMetrics;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.peakoningest.servicesupport.logging.RunIdLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends the runs whose fetcher died mid-run (killed, crashed, its host lost): it never published their RunFinished,
 * so {@code ingestion_runs} would show them running forever. The fetcher owns the run events and the crawl lock, so
 * it does this itself, in the dead fetcher's place: a RunFinished with status {@code abandoned}, self-contained like
 * every RunFinished (the run-events topic is compacted by run id), i.e. with the start, the mode and the collection
 * stats {@code ingestion_runs} holds for the run. Two moments (see {@link DeadRuns} for the rules):
 * <ul>
 *   <li>{@link #underTheLock()}: at the start of every run, holding the crawl lock;</li>
 *   <li>{@link #sweep()}: the daemon, periodically, without taking it.</li>
 * </ul>
 * Neither ever throws: a run must not fail because an older one could not be ended, and the next attempt retries.
 */
@Component
public class Abandonment {

    static final String LAST_ERROR =
            "abandoned: the fetcher stopped mid-run (no RunFinished before the crawl lock" + " expired)";

    private static final Logger log = LoggerFactory.getLogger(Abandonment.class);

    private final RunningRuns running;
    private final FinishedRuns finished;
    private final CrawlLock lock;
    private final RecordPublisher publisher;
    private final FetcherMetrics metrics;
    private final RunAlerts alerts;

    Abandonment(
            RunningRuns running,
            FinishedRuns finished,
            CrawlLock lock,
            RecordPublisher publisher,
            FetcherMetrics metrics,
            RunAlerts alerts) {
        this.running = running;
        this.finished = finished;
        this.lock = lock;
        this.publisher = publisher;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    /** Called by a run holding the crawl lock, before its own RunStarted: every run still running is dead. */
    public void underTheLock() {
        try {
            end(DeadRuns.underTheLock(running.read()));
        } catch (RuntimeException e) {
            log.warn("could not look for runs whose fetcher died; the next run looks again: {}", e.toString());
        }
    }

    /** The daemon's periodic look for dead runs, without the crawl lock. */
    public void sweep() {
        try {
            // t0 before the lock is read, the lock before the runs: see DeadRuns.withoutTheLock.
            Instant t0 = Timestamps.now();
            var state = lock.state();
            end(DeadRuns.withoutTheLock(state, t0, running.read()));
        } catch (RuntimeException e) {
            log.warn("could not look for runs whose fetcher died; the next sweep looks again: {}", e.toString());
        }
    }

    private void end(List<RunningRun> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> ended =
                finished.among(candidates.stream().map(RunningRun::runId).collect(Collectors.toSet()));
        for (RunningRun run : candidates) {
            if (ended.contains(run.runId())) {
                continue; // its RunFinished is on the topic; the writer has not applied it yet
            }
            try (var runId = RunIdLogging.of(run.runId())) {
                abandon(run);
            }
        }
    }

    private void abandon(RunningRun run) {
        Instant now = Timestamps.now();
        publisher.publish(RunFinished.of(
                run.runId(), run.startedAt(), now, run.syncMode(), RunStatus.ABANDONED, LAST_ERROR, run.collections()));
        metrics.run(RunStatus.ABANDONED);
        log.warn(
                "run {} (started {}) was abandoned: its fetcher stopped mid-run and nobody holds the crawl lock;"
                        + " published its RunFinished (abandoned) with the {} collection(s) it had finished",
                run.runId(),
                Timestamps.format(run.startedAt()),
                run.collections().size());
        alerts.abandoned(run.runId(), run.startedAt(), run.collections().size());
    }
}
