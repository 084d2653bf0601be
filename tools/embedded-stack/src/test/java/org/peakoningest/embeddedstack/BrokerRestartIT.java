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
 * Issue #12, fault injection: <b>the Kafka broker crashes mid-crawl and comes back</b>. The broker is killed with
 * SIGKILL (a crash or the OOM killer: no controlled shutdown, nothing flushed) while the fetcher is crawling the
 * answers, and started again on the same ports and the same data directory.
 *
 * <ul>
 *   <li>Down for less than the producer's delivery timeout (120 s; here {@link #DOWNTIME} plus the broker's
 *       start-up): the fetcher waits for the page in hand to be acknowledged before it moves on, the idempotent
 *       producer delivers it to the restarted broker, the run succeeds, no record is lost or written twice, and the
 *       writers (they reconnect; batches not committed are read again) land exactly what the simulator served.</li>
 *   <li>Down for longer ({@link #LONG_DOWNTIME}, opt-in: {@code -Dfaults.slow=true}): the records of the page in
 *       hand expire, the collection fails with Kafka's {@code TimeoutException} as the run's last error, the other
 *       collections are crawled once the broker is back, and the run ends {@code partial} (exit 1). Its cursor stayed
 *       at the last acknowledged page, so the next (incremental) run crawls the rest and MongoDB is exact again.</li>
 * </ul>
 *
 * <p>docs/fetcher.md ("Publishing") describes both outcomes.
 */
class BrokerRestartIT {

    /** Down this long before the restart begins (the restart itself adds the broker's start-up, ~5-30 s). */
    private static final Duration DOWNTIME = Duration.ofSeconds(10);
    /** Longer than the fetcher's {@code delivery.timeout.ms} (120 s). */
    private static final Duration LONG_DOWNTIME = Duration.ofSeconds(150);
    /** 5,000 answers in pages of 250 with 100 ms per request: the crawl is still on the answers when the broker dies. */
    private static final Map<String, String> SMALL_PAGES = Map.of("PEAKON_PER_PAGE", "250");

    private static final Pattern SECOND_PAGE = Pattern.compile("answers_export: page 2 read");

    @Test
    void aBrokerKilledMidCrawlAndRestartedLeavesTheRunSuccessfulAndMongoExact() throws Exception {
        try (StackFixture fixture = new StackFixture("broker-restart")) {
            RunRecord run = ingestThroughABrokerCrash(fixture, DOWNTIME, 0);
            assertThat(run.status()).contains("success");
            assertThat(run.published("answers_export")).contains(5_000L);
            Map<String, Long> expected = fixture.assertExact(run);
            assertThat(expected.get("answers_export")).isEqualTo(5_000);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "faults.slow", matches = "true")
    void aBrokerDownLongerThanTheDeliveryTimeoutFailsTheAnswersAndTheNextRunMakesMongoExact() throws Exception {
        try (StackFixture fixture = new StackFixture("broker-long-outage")) {
            RunRecord failed = ingestThroughABrokerCrash(fixture, LONG_DOWNTIME, 1);
            assertThat(failed.status()).contains("partial");
            assertThat(failed.lastError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith(
                                    "Kafka rejected a record on peakon.answers_export: TimeoutException: Expiring"));
            long publishedAnswers = failed.published("answers_export").orElseThrow();
            assertThat(publishedAnswers)
                    .as("answers acknowledged before the broker died")
                    .isBetween(500L, 4_750L);
            // What the fetcher counted as published is what landed: the expired records are nowhere.
            assertThat(failed.landingComplete()).isTrue();
            assertThat(fixture.mongo().documentCounts()).containsEntry("answers_export", publishedAnswers);
            fixture.assertNothingDeadLettered();

            Set<String> beforeNext = fixture.mongo().runIds();
            ManagedProcess next = fixture.stack().startIngest(false, "fetcher", SMALL_PAGES);
            RunRecord completing = fixture.awaitRun(next, beforeNext, 0);
            assertThat(completing.published("answers_export"))
                    .as("the next run continues after the last acknowledged page")
                    .contains(5_000L - publishedAnswers);
            Map<String, Long> expected = fixture.assertCopyExact(completing);
            assertThat(expected.get("answers_export")).isEqualTo(5_000);
        }
    }

    /**
     * Starts broker, Mongo, two writers and a simulator of 5,000 answers taking 100 ms per request, and a first
     * ingest; kills the broker once the fetcher has read two pages of answers and restarts it after {@code downtime}.
     * Returns the run once the fetcher exited with {@code exitCode} and the writers decided its landing.
     */
    private static RunRecord ingestThroughABrokerCrash(StackFixture fixture, Duration downtime, int exitCode)
            throws Exception {
        EmbeddedStack stack = fixture.stack();
        fixture.startInfrastructure();
        stack.startSimulator(OptionalInt.of(5_000), OptionalInt.of(200), "--latency-ms", "100");
        stack.startWriters(List.of(1, 2));
        String bootstrap = stack.bootstrapServers();
        Set<String> before = fixture.mongo().runIds();
        ManagedProcess fetcher = stack.startIngest(false, "fetcher", SMALL_PAGES);

        fetcher.awaitLogLine(SECOND_PAGE, StackFixture.RUN_TIMEOUT);
        stack.killKafka();
        assertThat(fetcher.isAlive())
                .as("the fetcher still crawls when the broker dies")
                .isTrue();
        assertThat(fetcher.logTail(500)).noneMatch(line -> line.contains("answers_export: done"));
        fixture.say("kafka stays down for " + downtime.toSeconds() + " s");
        Thread.sleep(downtime.toMillis());
        assertThat(stack.restartKafka()).as("the same bootstrap servers").isEqualTo(bootstrap);

        return fixture.awaitRun(fetcher, before, exitCode);
    }
}
