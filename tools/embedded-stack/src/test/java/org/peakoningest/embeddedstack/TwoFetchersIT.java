package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.process.StackFailure;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.summary.RunRecord;

/**
 * Issue #12, fault injection: <b>two fetchers at once</b>. Two {@code fetcher ingest} processes are started together
 * against the same stack: one takes the crawl lock ({@code fetcher_locks}) and crawls, the other exits with status 75
 * (EX_TEMPFAIL, docs/fetcher.md "Locking") without asking Peakon anything, and MongoDB holds exactly one run's data.
 *
 * <p>Peakon (the simulator) is frozen with SIGSTOP until the loser has exited, so the two runs overlap however the two
 * JVMs' start-ups are scheduled: unfrozen, on a loaded machine one of them could finish its whole crawl before the
 * other even asks for the lock, and both would (rightly) succeed one after the other.
 */
class TwoFetchersIT {

    /**
     * The winner's first request waits for the frozen Peakon instead of timing out after the default 60 s and
     * logging in again (the loser's JVM may take that long to start on a loaded machine).
     */
    private static final Map<String, String> WAIT_FOR_PEAKON = Map.of("HTTP_TIMEOUT_SECONDS", "300");

    @Test
    void theSecondOfTwoFetchersStartedTogetherExitsWithLockHeldAndTheDataIsExactOnce() throws Exception {
        try (StackFixture fixture = new StackFixture("two-fetchers")) {
            EmbeddedStack stack = fixture.stack();
            fixture.startInfrastructure();
            // The simulator's full 24 months of score history (one run: every score document is an insert), and
            // strict about query parameters, as StrictPeakonIT.
            stack.startSimulator(OptionalInt.of(5_000), OptionalInt.of(200), "--strict-params");
            stack.startWriter(1);
            ManagedProcess peakon = stack.simulatorProcess().orElseThrow();

            Set<String> before = fixture.mongo().runIds();
            peakon.suspend();
            fixture.say("simulator frozen (SIGSTOP)");
            ManagedProcess a = stack.startIngest(false, "fetcher-a", WAIT_FOR_PEAKON);
            ManagedProcess b = stack.startIngest(false, "fetcher-b", WAIT_FOR_PEAKON);
            ManagedProcess loser = firstToExit(a, b);
            ManagedProcess winner = loser == a ? b : a;
            int loserExit = loser.exitCode().orElseThrow();
            fixture.say(loser.name() + " exited with " + loserExit + " while " + winner.name() + " waits for Peakon");
            peakon.resume();

            assertThat(loserExit)
                    .as("exit status of %s (log %s)", loser.name(), loser.logFile())
                    .isEqualTo(75);
            assertThat(loser.logTail(50)).anyMatch(line -> line.contains("another fetcher holds the crawl lock"));
            stack.supervisor().stop(loser);

            RunRecord run = fixture.awaitRun(winner, before, 0);
            assertThat(fixture.mongo().runIds()).as("runs recorded").hasSize(before.size() + 1);
            assertThat(run.status()).contains("success");
            Map<String, Long> expected = fixture.assertExact(run);
            assertThat(expected.get("answers_export")).isEqualTo(5_000);
            // Issue #13: a first run lands two years of score history, company-wide, per driver and per department /
            // sub-department segment (200 employees: 9 departments + 36 sub-departments; 18 categories a month).
            assertThat(expected.get("scores_contexts")).isEqualTo(18 * 24);
            assertThat(expected.get("segment_scores")).isEqualTo((9 + 36) * 18 * 24);
            // The loser spent none of the API budget: Peakon saw one login, the winner's.
            assertThat(ContractJson.mapper()
                            .readTree(fixture.simulatorGet("/_sim/stats"))
                            .path("requests")
                            .path("POST /auth/application")
                            .asInt())
                    .as("logins at Peakon")
                    .isEqualTo(1);
        }
    }

    /** Waits until one of them exits (neither may take longer than a run) and returns it. */
    private static ManagedProcess firstToExit(ManagedProcess a, ManagedProcess b) throws InterruptedException {
        Instant deadline = Instant.now().plus(StackFixture.RUN_TIMEOUT);
        while (a.isAlive() && b.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new StackFailure("neither fetcher exited within " + StackFixture.RUN_TIMEOUT + ": logs "
                        + a.logFile() + ", " + b.logFile());
            }
            Thread.sleep(200);
        }
        return Stream.of(a, b).filter(p -> !p.isAlive()).findFirst().orElseThrow();
    }
}
