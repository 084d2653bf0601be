package org.peakoningest.fetcher.abandon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.lock.CrawlLock.LockState;

class DeadRunsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    private static RunningRun startedAt(String id, Instant startedAt) {
        return new RunningRun(id, startedAt, SyncMode.INCREMENTAL, Map.of());
    }

    private static Optional<LockState> lockUntil(Instant until) {
        return Optional.of(new LockState(until, "fetcher-host-1"));
    }

    private static List<String> ids(List<RunningRun> runs) {
        return runs.stream().map(RunningRun::runId).toList();
    }

    private final RunningRun hourOld = startedAt("hour-old", T0.minusSeconds(3600));
    private final RunningRun justBeforeTheMargin = startedAt("31s-old", T0.minusSeconds(31));
    private final RunningRun withinTheMargin = startedAt("29s-old", T0.minusSeconds(29));
    private final RunningRun afterT0 = startedAt("after-t0", T0.plusMillis(1));
    private final List<RunningRun> running = List.of(hourOld, justBeforeTheMargin, withinTheMargin, afterT0);

    @Test
    void underTheCrawlLockEveryRunStillRunningIsDead() {
        assertThat(ids(DeadRuns.underTheLock(running))).containsExactly("hour-old", "31s-old", "29s-old", "after-t0");
        assertThat(DeadRuns.underTheLock(List.of())).isEmpty();
    }

    @Test
    void withoutTheLockNothingIsDeadWhileAFetcherHoldsIt() {
        assertThat(DeadRuns.withoutTheLock(lockUntil(T0.plusSeconds(90)), T0, running))
                .as("held: its holder is crawling")
                .isEmpty();
        assertThat(DeadRuns.withoutTheLock(lockUntil(T0.minusSeconds(29)), T0, running))
                .as("expired less than the clock margin ago: the holder's clock may be behind ours")
                .isEmpty();
    }

    @Test
    void withoutTheLockARunStartedBeforeTheFreeLockWasSeenIsDead() {
        assertThat(ids(DeadRuns.withoutTheLock(lockUntil(T0.minusSeconds(31)), T0, running)))
                .as("expired: runs started before t0 minus the margin are dead, later ones may have the lock now")
                .containsExactly("hour-old", "31s-old");
        assertThat(ids(DeadRuns.withoutTheLock(Optional.empty(), T0, running)))
                .as("never taken")
                .containsExactly("hour-old", "31s-old");
    }

    @Test
    void aRunThatTookTheLockAfterItWasSeenFreeIsNeverDead() {
        // The sweep read the lock free at t0; then a fetcher took it and started a run, whose RunStarted the writer
        // projected before the sweep read ingestion_runs. Its started_at is after t0 (in a clock within the margin).
        RunningRun justStarted = startedAt("just-started", T0.plusSeconds(1));
        RunningRun startedOnASlowClock = startedAt("slow-clock", T0.minusSeconds(20));
        assertThat(DeadRuns.withoutTheLock(
                        lockUntil(T0.minusSeconds(600)), T0, List.of(justStarted, startedOnASlowClock)))
                .isEmpty();
    }
}
