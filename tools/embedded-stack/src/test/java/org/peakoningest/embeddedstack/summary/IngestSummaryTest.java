package org.peakoningest.embeddedstack.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
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
}
