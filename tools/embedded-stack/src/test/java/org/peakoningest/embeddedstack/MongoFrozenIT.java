package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.summary.RunRecord;

/**
 * Issue #12, fault injection: <b>MongoDB frozen for 90 s</b> during a run. The Mongo-wire server is stopped with
 * SIGSTOP and continued with SIGCONT {@link #FROZEN} later: its connections stay open and the kernel still accepts new
 * ones, but nothing answers — a hung server, not a refused connection. Whatever the moment, once Mongo answers again
 * the run ends as it would have, exact, with nothing dead-lettered:
 *
 * <ul>
 *   <li>mid-landing, while the fetcher crawls the answers: the writers' batches time out
 *       ({@code WRITER_MONGO_SOCKET_TIMEOUT_MS}, 60 s) and are retried, nothing committed meanwhile; the fetcher's
 *       cursor update waits on its open connection;</li>
 *   <li>as the fetcher finishes: its last MongoDB call, releasing the crawl lock, comes after the driver gave up on the
 *       server and times out (30 s); the run keeps its success and {@code ingest} exits 0 (it exited 1 before, see
 *       docs/fetcher.md "Locking").</li>
 * </ul>
 *
 * <p>Opt-in (about 3 min each): {@code -Dfaults.slow=true}.
 */
@EnabledIfSystemProperty(named = "faults.slow", matches = "true")
class MongoFrozenIT {

    static final Duration FROZEN = Duration.ofSeconds(90);
    /** 5,000 answers in pages of 250 with 100 ms per request: the crawl is still going when Mongo freezes. */
    private static final Map<String, String> SMALL_PAGES = Map.of("PEAKON_PER_PAGE", "250");

    @Test
    void aMongoFrozenFor90SecondsMidLandingDelaysTheRunButLeavesItExactWithNothingDeadLettered() throws Exception {
        try (StackFixture fixture = new StackFixture("mongo-frozen")) {
            EmbeddedStack stack = startStack(fixture, 100);
            Set<String> before = fixture.mongo().runIds();
            ManagedProcess fetcher = stack.startIngest(false, "fetcher", SMALL_PAGES);
            fetcher.awaitCondition(
                    "the run document", () -> fixture.mongo().newRun(before).isPresent(), StackFixture.RUN_TIMEOUT);
            String runId = fixture.mongo().newRun(before).orElseThrow().runId();
            fetcher.awaitCondition(
                    "the first answers of the run landed",
                    () -> fixture.documentsOfRun("answers_export", runId) > 0,
                    StackFixture.RUN_TIMEOUT);

            freezeMongo(fixture, fetcher);

            assertRunSucceededExactly(fixture, fetcher, before);
        }
    }

    @Test
    void aMongoFrozenFor90SecondsAsTheFetcherFinishesLeavesItsExitStatusAndTheDataExact() throws Exception {
        try (StackFixture fixture = new StackFixture("mongo-frozen-at-end")) {
            // 1.5 s per request: the 18 requests of scores_by_driver outlast the driver's discovery that the server
            // hangs (heartbeats every 10 s, 10 s timeout), so releasing the lock meets a server the driver gave up on.
            EmbeddedStack stack = startStack(fixture, 1500);
            Set<String> before = fixture.mongo().runIds();
            ManagedProcess fetcher = stack.startIngest(false, "fetcher");
            fetcher.awaitLogLine(Pattern.compile("scores_contexts: done"), StackFixture.RUN_TIMEOUT);

            freezeMongo(fixture, fetcher);

            assertRunSucceededExactly(fixture, fetcher, before);
            assertThat(fetcher.logTail(100))
                    .as("the fetcher says why the lock stays taken")
                    .anyMatch(line -> line.contains("the crawl lock 'peakon-crawl' could not be released"));
        }
    }

    /** Broker, Mongo, two writers and a simulator of 5,000 answers answering each request after {@code latencyMs}. */
    private static EmbeddedStack startStack(StackFixture fixture, int latencyMs) throws InterruptedException {
        EmbeddedStack stack = fixture.stack();
        fixture.startInfrastructure();
        stack.startSimulator(OptionalInt.of(5_000), OptionalInt.of(200), "--latency-ms", Integer.toString(latencyMs));
        stack.startWriters(List.of(1, 2));
        return stack;
    }

    private static void freezeMongo(StackFixture fixture, ManagedProcess fetcher) throws InterruptedException {
        ManagedProcess mongo = fixture.stack().mongoProcess();
        mongo.suspend();
        fixture.say("mongo frozen (SIGSTOP) for " + FROZEN.toSeconds() + " s");
        assertThat(fetcher.isAlive())
                .as("the fetcher still runs when Mongo freezes")
                .isTrue();
        Thread.sleep(FROZEN.toMillis());
        mongo.resume();
        fixture.say("mongo resumed (SIGCONT)");
    }

    private static void assertRunSucceededExactly(StackFixture fixture, ManagedProcess fetcher, Set<String> before)
            throws Exception {
        RunRecord run = fixture.awaitRun(fetcher, before, 0);
        assertThat(run.status()).contains("success");
        Map<String, Long> expected = fixture.assertExact(run);
        assertThat(expected.get("answers_export")).isEqualTo(5_000);
    }
}
