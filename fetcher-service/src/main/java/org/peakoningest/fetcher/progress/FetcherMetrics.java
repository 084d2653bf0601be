package org.peakoningest.fetcher.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.runs.RunStatus;
import org.springframework.stereotype.Component;

/**
 * The fetcher's Micrometer meters ({@code peakon.fetcher.*}), served by the daemon on {@code /actuator/prometheus}
 * (README, "Metrics and dashboard", lists them). Tags carry collection names and run statuses only, never ids, URLs
 * or tokens.
 */
@Component
public class FetcherMetrics {

    private final MeterRegistry registry;
    private final Counter requests;
    private final Counter retries;
    private final Counter rateLimited;
    /** The last finished run of this fetcher: 1 for its status, 0 for the others; its duration and end. */
    private final Map<RunStatus, AtomicLong> lastOutcome = new EnumMap<>(RunStatus.class);

    private final AtomicLong lastDurationMillis = new AtomicLong();
    private final AtomicLong lastFinishedMillis = new AtomicLong();
    /** Per collection: the last count check's Peakon count and crawled documents, read by their gauges. */
    private final Map<PeakonCollection, AtomicLong[]> counts = new ConcurrentHashMap<>();

    public FetcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requests = Counter.builder("peakon.fetcher.requests")
                .description("HTTP requests sent to Peakon, attempts and authentication included")
                .register(registry);
        this.retries = Counter.builder("peakon.fetcher.retries")
                .description("Requests retried after a transient failure (5xx, 429, I/O)")
                .register(registry);
        this.rateLimited = Counter.builder("peakon.fetcher.rate.limited")
                .description("Responses 429 Too Many Requests from Peakon (each is retried while attempts remain)")
                .register(registry);
        // Only this fetcher's own outcomes: "abandoned" is what it records for a dead fetcher's run.
        for (RunStatus status : new RunStatus[] {RunStatus.SUCCESS, RunStatus.PARTIAL, RunStatus.FAILED}) {
            AtomicLong holder = new AtomicLong();
            lastOutcome.put(status, holder);
            Gauge.builder("peakon.fetcher.last.run.outcome", holder, AtomicLong::get)
                    .tag("status", status.value())
                    .description("1 for the status of the last run this fetcher finished, 0 for the others")
                    .register(registry);
        }
        TimeGauge.builder(
                        "peakon.fetcher.last.run.duration", lastDurationMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("How long the last run this fetcher finished took")
                .register(registry);
        TimeGauge.builder(
                        "peakon.fetcher.last.run.finished", lastFinishedMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("When the last run this fetcher finished ended (Unix time; 0 before the first)")
                .register(registry);
    }

    /** Publishes the budget's remaining requests as a gauge. */
    public void budgetRemaining(IntSupplier remaining) {
        Gauge.builder("peakon.fetcher.rate.budget.remaining", remaining::getAsInt)
                .description("Requests that may still be sent in the current rate-limit window")
                .register(registry);
    }

    public void request() {
        requests.increment();
    }

    public void retry() {
        retries.increment();
    }

    /** Peakon answered 429: the rate limit was hit despite the budget (another client of the same application?). */
    public void rateLimited() {
        rateLimited.increment();
    }

    public void page(PeakonCollection collection) {
        Counter.builder("peakon.fetcher.pages")
                .tag("collection", collection.collectionName())
                .description("Response pages read")
                .register(registry)
                .increment();
    }

    public void items(PeakonCollection collection, long count) {
        Counter.builder("peakon.fetcher.items")
                .tag("collection", collection.collectionName())
                .description("Items read and acknowledged by Kafka (counted, not published, in a dry run)")
                .register(registry)
                .increment(count);
    }

    /** Items of erased people a page held, not published (issue #14); nothing is registered before the first. */
    public void erased(PeakonCollection collection, long count) {
        if (count == 0) {
            return;
        }
        Counter.builder("peakon.fetcher.items.erased")
                .tag("collection", collection.collectionName())
                .description("Items read but not published because their person is erased")
                .register(registry)
                .increment(count);
    }

    /**
     * A successful crawl was compared with Peakon's own count of the collection: gauges
     * {@code peakon.fetcher.count.expected} and {@code peakon.fetcher.count.crawled} hold the last comparison, so an
     * alert can watch their difference.
     */
    public void countChecked(PeakonCollection collection, long expected, long crawled) {
        AtomicLong[] values = counts.computeIfAbsent(collection, c -> {
            AtomicLong[] holders = {new AtomicLong(), new AtomicLong()};
            Gauge.builder("peakon.fetcher.count.expected", holders[0], AtomicLong::get)
                    .tag("collection", c.collectionName())
                    .description("Peakon's own count of the collection at the start of the last checked run")
                    .register(registry);
            Gauge.builder("peakon.fetcher.count.crawled", holders[1], AtomicLong::get)
                    .tag("collection", c.collectionName())
                    .description("Documents the last checked run crawled (distinct keys plus erased items)")
                    .register(registry);
            return holders;
        });
        values[0].set(expected);
        values[1].set(crawled);
    }

    /** A successful crawl found another number of documents than Peakon counted. */
    public void countMismatch(PeakonCollection collection) {
        Counter.builder("peakon.fetcher.count.mismatch")
                .tag("collection", collection.collectionName())
                .description("Runs whose crawl of the collection disagreed with Peakon's own count")
                .register(registry)
                .increment();
    }

    /**
     * A run ended: one of this fetcher's own runs, or ({@code abandoned}) a dead fetcher's run this one ended in its
     * place.
     */
    public void run(RunStatus status) {
        Counter.builder("peakon.fetcher.runs")
                .tag("status", status.value())
                .description("Finished runs by status")
                .register(registry)
                .increment();
    }

    /**
     * One of this fetcher's own runs ended ({@link #run} counts it too): its duration by status, and the last-run
     * gauges.
     */
    public void runFinished(RunStatus status, Duration duration, Instant finishedAt) {
        run(status);
        Timer.builder("peakon.fetcher.run.duration")
                .tag("status", status.value())
                .description("Duration of finished runs by status")
                .register(registry)
                .record(duration);
        lastOutcome.forEach((s, holder) -> holder.set(s == status ? 1 : 0));
        lastDurationMillis.set(duration.toMillis());
        lastFinishedMillis.set(finishedAt.toEpochMilli());
    }
}
