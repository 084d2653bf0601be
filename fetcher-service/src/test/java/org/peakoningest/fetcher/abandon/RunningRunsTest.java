package org.peakoningest.fetcher.abandon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;

/** A run document as the writer projects it, read back into what a self-contained RunFinished repeats. */
class RunningRunsTest {

    private static Document projected() {
        return new Document("_id", "run-1")
                .append("started_at", "2026-11-30T03:00:00.123456Z")
                .append("sync_mode", "incremental")
                .append("status", "running")
                .append(
                        "collections",
                        new Document(
                                        "answers_export",
                                        new Document("status", "success")
                                                .append("published", 200000L)
                                                .append("distinct_keys", 199998L)
                                                .append("pages", 10)
                                                .append("skipped", List.of())
                                                .append("landed", 150000L))
                                .append(
                                        "employees",
                                        new Document("status", "failed")
                                                .append("published", 12L)
                                                .append("pages", 1)
                                                .append("skipped", List.of())
                                                .append("error", "GET /employees answered HTTP 503: oops"))
                                .append(
                                        "scores_by_driver",
                                        new Document("status", "success")
                                                .append("published", 3)
                                                .append("pages", 2)
                                                .append(
                                                        "skipped",
                                                        List.of(new Document("context", "free_opinions")
                                                                .append("status", 422)
                                                                .append("reason", "Invalid group"))))
                                // recounted only: the run never finished this collection
                                .append("drivers", new Document("landed", 3L)));
    }

    @Test
    void theStartTheModeAndEveryFinishedCollectionComeBack() {
        RunningRun run = RunningRuns.of(projected()).orElseThrow();

        assertThat(run.runId()).isEqualTo("run-1");
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-11-30T03:00:00.123456Z"));
        assertThat(run.syncMode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(run.collections()).containsOnlyKeys("answers_export", "employees", "scores_by_driver");
        assertThat(run.collections().keySet()).containsExactly("answers_export", "employees", "scores_by_driver");
        assertThat(run.collections().get("answers_export"))
                .isEqualTo(new CollectionStats(CollectionStatus.SUCCESS, 200000, 10, List.of(), null, 199998L));
        assertThat(run.collections().get("employees"))
                .isEqualTo(new CollectionStats(
                        CollectionStatus.FAILED, 12, 1, List.of(), "GET /employees answered HTTP 503: oops", null));
        assertThat(run.collections().get("scores_by_driver"))
                .isEqualTo(new CollectionStats(
                        CollectionStatus.SUCCESS,
                        3,
                        2,
                        List.of(new SkippedRequest("free_opinions", 422, "Invalid group")),
                        null,
                        null));
    }

    @Test
    void aCompleteEmployeesSnapshotAndPeakonsCountComeBackSoAReplayOfTheAbandonedRunSeesThem() {
        Document run = projected();
        run.get("collections", Document.class)
                .append(
                        "employees",
                        new Document("status", "success")
                                .append("published", 2000L)
                                .append("distinct_keys", 2000L)
                                .append("pages", 1)
                                .append("skipped", List.of())
                                .append("complete_snapshot", true)
                                .append("expected", 2003L)
                                .append("erased", 1L));

        CollectionStats employees =
                RunningRuns.of(run).orElseThrow().collections().get("employees");

        assertThat(employees)
                .isEqualTo(new CollectionStats(CollectionStatus.SUCCESS, 2000, 1, List.of(), null, 2000L)
                        .withSnapshot(true, 2003L, 1L));
        assertThat(employees.isCompleteSnapshot()).isTrue();
        assertThat(RunningRuns.of(projected())
                        .orElseThrow()
                        .collections()
                        .get("answers_export")
                        .completeSnapshot())
                .as("absent stays absent")
                .isNull();
    }

    @Test
    void aDocumentNoRunStartedWroteCannotBeEnded() {
        assertThat(RunningRuns.of(projected().append("started_at", null))).isEmpty();
        assertThat(RunningRuns.of(projected().append("started_at", "yesterday")))
                .isEmpty();
        assertThat(RunningRuns.of(projected().append("sync_mode", "sideways"))).isEmpty();
        assertThat(RunningRuns.of(new Document("_id", "counts-only").append("counts", new Document())))
                .isEmpty();
    }
}
