package org.peakoningest.embeddedstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peakoningest.embeddedstack.process.ManagedProcess;
import org.peakoningest.embeddedstack.stack.EmbeddedStack;
import org.peakoningest.embeddedstack.summary.RunRecord;

/**
 * The fetcher sends Peakon only what the API reference documents: the simulator runs with {@code --strict-params}
 * and answers 400 to any query parameter the reference does not list for the endpoint (docs/simulator.md). Two
 * ingests, both incremental as a weekly run is:
 *
 * <ol>
 *   <li>the first (no cursor yet): every endpoint with its parameters ({@code interval}, {@code participation},
 *       {@code observations} on the score endpoints, paging on {@code /employees} and {@code /segments}) → exact;</li>
 *   <li>the second: {@code /answers/export} continues after the stored cursor ({@code continuation} is documented
 *       there, 0 new answers); {@code /employees} is asked without {@code continuation} (documented nowhere there;
 *       every employee is crawled on every run, issue #14), so nothing is refused → still exact, the run succeeds.</li>
 * </ol>
 */
class StrictPeakonIT {

    @Test
    void weeklyRunsAgainstAPeakonThatRefusesUndocumentedParametersSucceedExactly() throws Exception {
        try (StackFixture fixture = new StackFixture("strict-peakon")) {
            EmbeddedStack stack = fixture.stack();
            fixture.startInfrastructure();
            // Six months of score history: the second run rewrites every score document (see EndToEndIT).
            stack.startSimulator(OptionalInt.of(3_000), OptionalInt.of(150), "--strict-params", "--score-periods", "6");
            stack.startWriter(1);

            RunRecord first = fixture.ingest(false, null);
            assertThat(first.status()).contains("success");
            fixture.assertExact(first);

            Set<String> before = fixture.mongo().runIds();
            ManagedProcess weekly = stack.startIngest(false, "fetcher-weekly", Map.of());
            RunRecord second = fixture.awaitRun(weekly, before, 0);
            assertThat(second.status()).as("second run %s", second).contains("success");
            assertThat(second.published("answers_export"))
                    .as("answers after the stored continuation cursor")
                    .contains(0L);
            assertThat(second.published("employees"))
                    .as("employees crawled from the start")
                    .contains(150L);
            List<String> log = Files.readAllLines(weekly.logFile());
            assertThat(log)
                    .as("fetcher log %s", weekly.logFile())
                    .anyMatch(line -> line.contains("incremental run: answers_export continues after"))
                    .noneMatch(line -> line.contains("Peakon refused"));
            fixture.assertCopyExact(second);
        }
    }
}
