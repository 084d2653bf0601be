package org.peakoningest.fetcher;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.crawl.SegmentCrawl;
import org.peakoningest.fetcher.run.RunReport;
import org.springframework.test.context.TestPropertySource;

/**
 * Many department segments and a small request budget: the crawl fetches what the budget allows, never more, and
 * names every segment it did not fetch. Its own Spring context: the budget is the context's, and this test uses it up.
 */
@TestPropertySource(
        properties = {
            "peakon.fetcher.topic-prefix=it-segment-budget.",
            "peakon.fetcher.rate-limit-per-hour=40",
            "peakon.fetcher.rate-limit-window=3600s"
        })
class SegmentBudgetIT extends CrawlFixture {

    private static final int DEPARTMENTS = 60;

    @Test
    void segmentsBeyondTheBudgetAreNotFetchedAndEachIsRecorded() {
        String data = IntStream.rangeClosed(1001, 1000 + DEPARTMENTS)
                .mapToObj(id -> PeakonStub.segment(id, "Team " + id, 3))
                .collect(Collectors.joining(","));
        peakon.stubFor(get(urlPathEqualTo(PeakonStub.API + "/segments"))
                .atPriority(1)
                .willReturn(PeakonStub.json("{\"data\":[" + data + "],\"included\":["
                        + PeakonStub.attribute(3, "Department") + "],\"links\":{\"next\":null}}")));

        RunReport report = ingestion.execute(SyncMode.FULL, false);

        // usable budget: 40 less the 2 % margin (at least 1) = 39 requests in the window, every request counted
        int sent = peakon.findAll(anyRequestedFor(urlPathMatching(PeakonStub.API + "/.*")))
                .size();
        assertThat(sent).isEqualTo(39);
        int fetched = peakon.findAll(getRequestedFor(urlPathMatching(PeakonStub.API + "/scores/contexts/segment_.*")))
                .size();
        CollectionStats scores = report.collections().get("segment_scores");
        List<SkippedRequest> notFetched = scores.skipped();
        assertThat(fetched).isPositive();
        assertThat(notFetched).hasSize(DEPARTMENTS - fetched);
        assertThat(notFetched).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SegmentCrawl.NOT_SENT);
            assertThat(s.reason()).isEqualTo(SegmentCrawl.BUDGET_REASON);
        });
        // the ones not fetched are exactly the last ones, named by their context
        assertThat(notFetched)
                .extracting(SkippedRequest::context)
                .containsExactlyElementsOf(IntStream.rangeClosed(1001 + fetched, 1000 + DEPARTMENTS)
                        .mapToObj(id -> "segment_" + id)
                        .toList());
        assertThat(scores.published()).isEqualTo(2L * fetched);
        assertThat(scores.status()).isEqualTo(CollectionStatus.FAILED);
        assertThat(scores.error())
                .isEqualTo("rate budget: " + (DEPARTMENTS - fetched) + " of " + DEPARTMENTS
                        + " segments not fetched this run (PEAKON_RATE_LIMIT_PER_HOUR=40); they are listed as skipped");
        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        RunFinished finished = (RunFinished) runEventsOf(report.runId()).get(9);
        assertThat(finished.collections().get("segment_scores")).isEqualTo(scores);
    }
}
