package org.peakoningest.fetcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;

class RunStatusTest {

    private static final CollectionStats OK = new CollectionStats(CollectionStatus.SUCCESS, 5, 1, List.of(), null);
    private static final CollectionStats BAD = new CollectionStats(CollectionStatus.FAILED, 0, 0, List.of(), "boom");

    @Test
    void successPartialOrFailed() {
        assertThat(IngestionRun.status(null, stats(OK, OK, OK))).isEqualTo(RunStatus.SUCCESS);
        assertThat(IngestionRun.status(null, stats(OK, BAD, OK))).isEqualTo(RunStatus.PARTIAL);
        assertThat(IngestionRun.status(null, stats(BAD, BAD, OK)))
                .as("only the static catalog landed")
                .isEqualTo(RunStatus.FAILED);
        assertThat(IngestionRun.status("authentication failed", stats(OK, OK, OK)))
                .isEqualTo(RunStatus.FAILED);
    }

    @Test
    void theSummaryTableShowsEveryCollection() {
        Map<String, CollectionStats> stats = new LinkedHashMap<>();
        stats.put("answers_export", new CollectionStats(CollectionStatus.SUCCESS, 200000, 10, List.of(), null));
        stats.put(
                "scores_by_driver",
                new CollectionStats(
                        CollectionStatus.FAILED,
                        12,
                        3,
                        List.of(new SkippedRequest("free_opinions", 422, "Invalid group")),
                        "GET /x answered HTTP 500"));
        RunReport report = new RunReport(
                "run-1",
                SyncMode.INCREMENTAL,
                false,
                RunStatus.PARTIAL,
                Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:41.5Z"),
                "GET /x answered HTTP 500",
                stats);

        String table = SummaryTable.render(report);

        assertThat(table)
                .contains("run run-1 (incremental) finished: partial in 41.5 s")
                .containsPattern("answers_export\\s+success\\s+200000\\s+10\\s+0")
                .containsPattern("scores_by_driver\\s+failed\\s+12\\s+3\\s+1\\s+GET /x answered HTTP 500")
                .containsPattern("total\\s+200012")
                .contains("last error: GET /x answered HTTP 500");
    }

    @Test
    void theSummaryTableShowsPeakonsCountAndWarnsWhenASuccessfulCrawlDisagrees() {
        CollectionStats short3 =
                new CollectionStats(CollectionStatus.SUCCESS, 3, 1, List.of(), null, 3L).withSnapshot(true, 5L, null);
        CollectionStats failed = new CollectionStats(CollectionStatus.FAILED, 2, 1, List.of(), "HTTP 500", 2L)
                .withSnapshot(false, 5L, null);

        String table = SummaryTable.render(report(Map.of("employees", short3)));
        String failedTable = SummaryTable.render(report(Map.of("employees", failed)));

        assertThat(table)
                .containsPattern("collection\\s+status\\s+published\\s+expected\\s+pages")
                .containsPattern("employees\\s+success\\s+3\\s+5\\s+1\\s+0")
                .contains("warning: employees: Peakon counted 5, the run crawled 3");
        assertThat(failedTable)
                .as("a failed crawl says so with its error; its count is no news")
                .containsPattern("employees\\s+failed\\s+2\\s+5\\s+1\\s+0\\s+HTTP 500")
                .doesNotContain("warning:");
        assertThat(SummaryTable.render(report(Map.of("employees", short3.withSnapshot(true, 3L, null)))))
                .doesNotContain("warning:");
    }

    private static RunReport report(Map<String, CollectionStats> stats) {
        return new RunReport(
                "run-2",
                SyncMode.INCREMENTAL,
                false,
                RunStatus.SUCCESS,
                Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:01Z"),
                null,
                stats);
    }

    private static Map<String, CollectionStats> stats(
            CollectionStats answers, CollectionStats employees, CollectionStats catalog) {
        Map<String, CollectionStats> stats = new LinkedHashMap<>();
        stats.put("answers_export", answers);
        stats.put("employees", employees);
        stats.put("drivers_catalog", catalog);
        return stats;
    }
}
