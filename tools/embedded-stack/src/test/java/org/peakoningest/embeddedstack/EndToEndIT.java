package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.summary.RunRecord;

/**
 * The whole pipeline across processes, from the built jars: broker, Mongo-wire server, simulator, two writers and
 * the fetcher, each its own JVM (issue 5, part 4), and the first fault-injection scenario of issue #12, <b>kill -9
 * a writer mid-landing</b>.
 *
 * <ol>
 *   <li>ingest → every collection holds exactly what the simulator served, {@code ingestion_runs} says complete;</li>
 *   <li>ingest again (full sync: everything is published a second time) → still exact, no duplicates;</li>
 *   <li>grow the company, ingest, and kill -9 writer-1 once the writers have landed some but not all of the run's
 *       answers (a batch in hand, offsets not yet committed); start it again → still exact: every document is the
 *       new run's, the run landed complete, nothing dead-lettered.</li>
 * </ol>
 *
 * <p>The other scenarios are {@link BrokerRestartIT}, {@link TwoFetchersIT} and (opt-in) {@link MongoFrozenIT}; they
 * share {@link StackFixture}.
 *
 * <p>Needs {@code peakon-simulator}, {@code fetcher-service} and {@code writer-service} packaged: the reactor builds
 * them before this module (declaration order in the root pom; nothing here depends on them at Maven level, so
 * {@code mvn verify -pl tools/embedded-stack} alone uses whatever jars are in their {@code target/} directories, and fails
 * with the build command when there are none).
 */
class EndToEndIT {

    /** Small pages for the run with the crash, so the landing is spread over the crawl and can be caught midway. */
    private static final Map<String, String> SMALL_PAGES = Map.of("PEAKON_PER_PAGE", "500");

    @Test
    void ingestsExactlyWhatThePeakonSimulatorServedAgainAndThroughAWriterKilledMidLanding() throws Exception {
        try (StackFixture fixture = new StackFixture("e2e")) {
            EmbeddedStack stack = fixture.stack();
            fixture.startInfrastructure();
            // Six months of score history, not the simulator's 24: every full sync rewrites every score document,
            // and mongo-java-server scans the collection for each conditional replace (docs/writer.md, "Why not
            // the single conditional replace"); 19,440 segment scores made this test take 13 minutes and time out
            // its Mongo reads on CI. Real MongoDB uses the _id index for those replaces.
            stack.startSimulator(OptionalInt.of(5_000), OptionalInt.of(200), "--score-periods", "6", "--strict-params");
            stack.startWriters(List.of(1, 2));

            // 1. First ingest.
            RunRecord first = fixture.ingest(false, null);
            Map<String, Long> expected = fixture.assertExact(first);
            assertThat(expected.get("answers_export")).isEqualTo(5_000);
            assertThat(expected.get("employees")).isEqualTo(200);
            assertThat(first.status()).contains("success");
            for (PeakonCollection c : PeakonCollection.values()) {
                assertThat(first.landed(c.collectionName()))
                        .as("landed " + c)
                        .isEqualTo(first.published(c.collectionName()));
            }

            // 2. The same company again, everything re-published: upserts, no duplicates.
            RunRecord second = fixture.ingest(true, null);
            assertThat(second.runId()).isNotEqualTo(first.runId());
            assertThat(second.published("answers_export")).contains(5_000L);
            fixture.assertExact(second);

            // 3. A bigger company, and writer-1 is killed with SIGKILL while the writers land the run.
            fixture.simulatorPost("/_sim/answers?total=8000");
            AtomicLong landedAtKill = new AtomicLong();
            RunRecord third = fixture.ingest(true, SMALL_PAGES, fetcher -> {
                String runId = fixture.mongo()
                        .newRun(Set.of(first.runId(), second.runId()))
                        .orElseThrow()
                        .runId();
                fetcher.awaitCondition(
                        "the first answers of the run landed",
                        () -> fixture.documentsOfRun("answers_export", runId) > 0,
                        StackFixture.RUN_TIMEOUT);
                landedAtKill.set(fixture.documentsOfRun("answers_export", runId));
                stack.killWriter(1);
                fixture.say("writer-1 killed with " + landedAtKill + " of the run's 8000 answers landed");
                stack.startWriter(1);
            });
            assertThat(landedAtKill.get())
                    .as("answers of the run landed when writer-1 was killed: some, not all")
                    .isBetween(1L, 7_999L);
            assertThat(third.published("answers_export")).contains(8_000L);
            Map<String, Long> grown = fixture.assertExact(third);
            assertThat(grown.get("answers_export")).isEqualTo(8_000);
            assertThat(fixture.progress()).contains("writer-1 killed (SIGKILL)");
        }
    }
}
