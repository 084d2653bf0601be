package org.peakoningest.fetcher.abandon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peakoningest.fetcher.lock.CrawlLock.LockState;

/**
 * Which runs that {@code ingestion_runs} shows {@code running} are dead: their fetcher stopped without a RunFinished
 * and nobody holds the crawl lock. Only a fetcher holding the lock crawls, so a running run without a holder has no
 * fetcher left to end it. (Whether its RunFinished is on the run-events topic after all, not yet projected by a
 * lagging writer, is checked afterwards by {@link Abandonment}: these are the candidates.)
 */
final class DeadRuns {

    /**
     * How far apart the clocks of two fetcher hosts may be. {@code lockUntil} is written with the holder's clock and
     * {@code started_at} with its run's, and both are compared with the sweeper's.
     */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

    private DeadRuns() {}

    /**
     * At the start of a run, under the crawl lock: no other fetcher crawls, so every run still running is dead. The
     * caller asks before its own RunStarted, so its own run is not among them.
     */
    static List<RunningRun> underTheLock(List<RunningRun> running) {
        return List.copyOf(running);
    }

    /**
     * The daemon's sweep, which must not take the lock (a sweep holding it could make another daemon skip its crawl
     * tick). The lock was read at {@code t0}, before the running runs were read.
     *
     * <p>Why a run it returns is dead: the lock looked free at {@code t0} ({@code lockUntil} at least
     * {@link #CLOCK_MARGIN} before it, or never taken). A live holder's {@code lockUntil} stays at least half of
     * {@code lockAtMostFor} (15 s or more) ahead of its clock, so with clocks within the margin nobody held it at
     * {@code t0}; a run that was crawling then would have held it. A run whose fetcher took the lock after {@code t0}
     * starts after it ({@code started_at} is taken under the lock), i.e. after {@code t0 - CLOCK_MARGIN} in any
     * fetcher's clock, and is left alone even when its RunStarted is projected before the runs are read. What is left
     * started before {@code t0 - CLOCK_MARGIN} and was not crawling at {@code t0}: its fetcher is gone.
     *
     * <p>What it cannot see: a fetcher that lives on after losing its lock (the keep-alive could not reach MongoDB
     * for half of {@code lockAtMostFor}). Its run is ended as abandoned, and its own RunFinished, published later,
     * replaces that on the compacted topic and in {@code ingestion_runs}.
     */
    static List<RunningRun> withoutTheLock(Optional<LockState> lock, Instant t0, List<RunningRun> running) {
        Instant horizon = t0.minus(CLOCK_MARGIN);
        if (lock.isPresent() && lock.get().lockUntil().isAfter(horizon)) {
            return List.of();
        }
        return running.stream().filter(run -> run.startedAt().isBefore(horizon)).toList();
    }
}
