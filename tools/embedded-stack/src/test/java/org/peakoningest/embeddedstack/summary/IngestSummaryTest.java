package org.peakoningest.embeddedstack.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestSummaryTest {

    private static final Map<String, Object> RUN_DOCUMENT = Map.of(
            "_id", "run-42",
            "status", "success",
            "landing_status", "complete",
            "started_at", "2026-11-25T15:00:00.000000Z",
            "collections",
                    Map.of(
                            "answers_export", Map.of("published", 5000, "landed", 5000L, "status", "success"),
                            "employees", Map.of("published", 200, "landed", 200)));

    @Test
    void readsTheWritersRunDocumentTolerantly() {
        RunRecord run = RunRecord.from(RUN_DOCUMENT);

        assertThat(run.runId()).isEqualTo("run-42");
        assertThat(run.status()).contains("success");
        assertThat(run.landingComplete()).isTrue();
        assertThat(run.published("answers_export")).contains(5000L);
        assertThat(run.landed("employees")).contains(200L);
        assertThat(run.landed("drivers")).isEmpty();
    }

    @Test
    void aDocumentWithoutTheExpectedFieldsIsUnknownNotAnError() {
        RunRecord run = RunRecord.from(Map.of("_id", "r", "collections", "not a map"));

        assertThat(run.status()).isEmpty();
        assertThat(run.landingComplete()).isFalse();
        assertThat(run.collections()).isEmpty();
        assertThat(RunRecord.from(Map.of("_id", "r", "landing_status", "pending"))
                        .landingComplete())
                .isFalse();
    }

    @Test
    void rendersCountsPerCollectionStatusesAndWallTime() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers_export", 5000L);
        counts.put("employees", 200L);
        counts.put("drivers", 18L);
        counts.put("drivers_catalog", 17L);
        counts.put("scores_contexts", 12L);
        counts.put("scores_by_driver", 3L);
        Map<String, Duration> phases = new LinkedHashMap<>();
        phases.put("start-up", Duration.ofMillis(14_200));
        phases.put("ingest", Duration.ofSeconds(75));
        IngestSummary summary =
                new IngestSummary(Optional.of(RunRecord.from(RUN_DOCUMENT)), counts, 0, Duration.ofSeconds(95), phases);

        String text = summary.render();

        assertThat(text)
                .contains("run id:         run-42")
                .contains("run status:     success   (fetcher exit code 0)")
                .contains("landing status: complete")
                .containsPattern("answers_export\\s+5,000\\s+5,000\\s+5,000")
                .containsPattern("drivers\\s+18\\s+-\\s+-")
                .containsPattern("total\\s+5,250")
                .contains("wall time:      1 min 35 s")
                .contains("of which:     start-up 14.2 s, ingest 1 min 15 s");
        assertThat(summary.successful()).isTrue();
    }

    @Test
    void aFailedFetcherOrAnIncompleteLandingIsNotASuccess() {
        RunRecord complete = RunRecord.from(RUN_DOCUMENT);
        assertThat(new IngestSummary(Optional.of(complete), Map.of(), 1, Duration.ZERO, Map.of()).successful())
                .isFalse();
        assertThat(new IngestSummary(Optional.empty(), Map.of(), 0, Duration.ZERO, Map.of()).successful())
                .isFalse();
        assertThat(new IngestSummary(Optional.empty(), Map.of(), 0, Duration.ZERO, Map.of()).render())
                .contains("(no ingestion_runs document found)")
                .contains("landing status: unknown");
    }

    /** Peakon counted more employees than the run crawled: the writer recorded the fetcher's count and a warning. */
    private static final Map<String, Object> MISMATCH_DOCUMENT = Map.of(
            "_id", "run-44",
            "status", "success",
            "landing_status", "complete",
            "warnings",
                    List.of(
                            "employees: Peakon counted 2000, the run crawled 1995",
                            "something else the writer noticed"),
            "collections",
                    Map.of(
                            "answers_export", Map.of("published", 5000, "landed", 5000),
                            "employees",
                                    Map.of(
                                            "published",
                                            1995,
                                            "landed",
                                            1995,
                                            "expected",
                                            2000L,
                                            "complete_snapshot",
                                            true)));

    @Test
    void peakonsCountIsAColumnAndTheRunsWarningsFollowTheTable() {
        RunRecord run = RunRecord.from(MISMATCH_DOCUMENT);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("answers_export", 5000L);
        counts.put("employees", 2003L);

        String text = new IngestSummary(Optional.of(run), counts, 0, Duration.ofSeconds(3), Map.of()).render();

        assertThat(run.expected("employees")).contains(2000L);
        assertThat(run.expected("answers_export")).isEmpty();
        assertThat(run.warnings())
                .containsExactly(
                        "employees: Peakon counted 2000, the run crawled 1995", "something else the writer noticed");
        assertThat(text)
                .containsPattern("collection\\s+documents\\s+published\\s+landed\\s+expected")
                .containsPattern("employees\\s+2,003\\s+1,995\\s+1,995\\s+2,000")
                .containsPattern("answers_export\\s+5,000\\s+5,000\\s+5,000\\s+-")
                .contains("warning:        employees: Peakon counted 2000, the run crawled 1995")
                .contains("warning:        something else the writer noticed");
        assertThat(text.indexOf("warning:")).as("under the table").isGreaterThan(text.indexOf("total"));
    }

    @Test
    void aRunWithoutWarningsPrintsNoneAndOddWarningValuesAreIgnored() {
        assertThat(new IngestSummary(Optional.of(RunRecord.from(RUN_DOCUMENT)), Map.of(), 0, Duration.ZERO, Map.of())
                        .render())
                .doesNotContain("warning");
        RunRecord odd = RunRecord.from(Map.of("_id", "r", "warnings", List.of("one", 2, Map.of())));
        assertThat(odd.warnings()).containsExactly("one");
        assertThat(RunRecord.from(Map.of("_id", "r", "warnings", "not a list")).warnings())
                .isEmpty();
    }

    /** Authentication failed: the fetcher exits 1, only the static catalog was published, the writer says nothing. */
    private static final Map<String, Object> NOTHING_DOCUMENT = Map.of(
            "_id", "run-43",
            "status", "failed",
            "landing_status", "nothing",
            "last_error", "authentication failed: app token unknown (404)",
            "collections",
                    Map.of(
                            "answers_export", Map.of("published", 0, "landed", 0, "status", "failed"),
                            "drivers_catalog", Map.of("published", 17, "landed", 17, "status", "success")));

    @Test
    void theWaitEndsOnEveryDecidedLandingNotOnlyOnComplete() {
        assertThat(RunRecord.from(RUN_DOCUMENT).landingDecided()).isTrue();
        assertThat(RunRecord.from(NOTHING_DOCUMENT).landingDecided())
                .as("a failed run that published nothing never becomes complete: waiting for it only times out")
                .isTrue();
        assertThat(RunRecord.from(Map.of("_id", "r", "landing_status", "superseded"))
                        .landingDecided())
                .isTrue();
        assertThat(RunRecord.from(Map.of("_id", "r", "landing_status", "pending"))
                        .landingDecided())
                .isFalse();
        assertThat(RunRecord.from(Map.of("_id", "r", "landing_status", "something new"))
                        .landingDecided())
                .as("a status this launcher does not know is waited on, as before")
                .isFalse();
        assertThat(RunRecord.from(Map.of("_id", "r")).landingDecided()).isFalse();
    }

    @Test
    void aRunThatPublishedNothingIsReportedAsTheFailureItIs() {
        RunRecord nothing = RunRecord.from(NOTHING_DOCUMENT);
        IngestSummary summary = new IngestSummary(Optional.of(nothing), Map.of(), 1, Duration.ZERO, Map.of());

        assertThat(nothing.landingComplete()).isFalse();
        assertThat(nothing.lastError()).contains("authentication failed: app token unknown (404)");
        assertThat(summary.successful()).isFalse();
        assertThat(summary.render())
                .contains("run status:     failed   (fetcher exit code 1)")
                .contains("landing status: nothing")
                .contains("last error:     authentication failed: app token unknown (404)");
        assertThat(summary.verdict())
                .isEqualTo("The run failed and published nothing from Peakon: "
                        + "authentication failed: app token unknown (404)");
        assertThat(new IngestSummary(Optional.empty(), Map.of(), 0, Duration.ZERO, Map.of()).verdict())
                .isEqualTo("The run did not complete");
        assertThat(new IngestSummary(Optional.of(RunRecord.from(RUN_DOCUMENT)), Map.of(), 0, Duration.ZERO, Map.of())
                        .render())
                .as("no error, no line")
                .doesNotContain("last error:");
    }
}
