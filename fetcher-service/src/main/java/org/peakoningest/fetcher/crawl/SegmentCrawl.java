package org.peakoningest.fetcher.crawl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.http.PeakonHttpException;
import org.peakoningest.fetcher.http.RateBudget;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The segments ({@code GET /segments}) and the engagement scores of the segments of the configured attributes
 * ({@code GET /scores/contexts/segment_<id>/group/<group>}, issue #13). Segment scores need the ids of the same
 * run's segments crawl, as scores_by_driver needs the driver ids.
 */
@Component
public class SegmentCrawl {

    private static final Logger log = LoggerFactory.getLogger(SegmentCrawl.class);

    /** The reason of a segment whose request the rate budget left for a later run. */
    public static final String BUDGET_REASON = "rate budget: not fetched this run";

    /** The status of a skipped request that was never sent. */
    public static final int NOT_SENT = 0;

    private final FetcherProperties props;
    private final PageChase pages;
    private final RateBudget budget;

    SegmentCrawl(FetcherProperties props, PageChase pages, RateBudget budget) {
        this.props = props;
        this.pages = pages;
        this.budget = budget;
    }

    /** The segments, raw; what {@link #segmentScores} needs of them goes to {@code seen}. */
    public CollectionStats segments(RunContext run, SegmentSelection seen) {
        PeakonCollection collection = PeakonCollection.SEGMENTS;
        RecordPublisher.Batch batch = run.publisher().open(collection);
        PageChase.Progress progress = new PageChase.Progress();
        String error = null;
        try {
            PageChase.Endpoint endpoint = new PageChase.Endpoint(collection, "/segments", null, null, null);
            pages.chase(
                    run,
                    endpoint,
                    pages.firstUri(endpoint.path(), null),
                    batch,
                    progress,
                    new PageChase.Observers(seen::seeSegment, page -> seen.seeIncluded(page.included())));
        } catch (RuntimeException e) {
            error = pages.describe(e);
        }
        return pages.finish(collection, batch, progress, List.of(), error);
    }

    /**
     * One request per segment of the configured attributes. A 422 or 404 for one segment is a skipped request (like
     * a driver that is no score group); a segment whose attribute could not be resolved is recorded as skipped too.
     * Segments for which the rate budget has no room left now are not fetched: each is recorded as skipped
     * ({@link #BUDGET_REASON}) and the collection fails with an error that says how many, so the run is partial.
     */
    public CollectionStats segmentScores(RunContext run, SegmentSelection seen) {
        PeakonCollection collection = PeakonCollection.SEGMENT_SCORES;
        SegmentSelection.Selected selected = seen.select(props.segmentAttributeList());
        RecordPublisher.Batch batch = run.publisher().open(collection);
        PageChase.Progress progress = new PageChase.Progress();
        List<SkippedRequest> skipped = new ArrayList<>();
        for (String segmentId : selected.unresolved()) {
            skipped.add(new SkippedRequest(
                    contextId(segmentId),
                    NOT_SENT,
                    "attribute " + seen.attributeOf(segmentId)
                            + " is not among the included attributes: cannot tell whether it is one of"
                            + " PEAKON_SEGMENT_ATTRIBUTES"));
        }
        if (!selected.unresolved().isEmpty()) {
            log.warn(
                    "segment_scores: {} segments name an attribute the segments response did not include; skipped",
                    selected.unresolved().size());
        }
        List<String> segmentIds = selected.segmentIds();
        int room = budget.remaining();
        log.info(
                "segment_scores: {} of {} segments belong to {}; {} requests left in the rate budget",
                segmentIds.size(),
                seen.seen(),
                props.segmentAttributeList(),
                room);
        if (segmentIds.size() > room) {
            log.warn(
                    "segment_scores: {} segment requests exceed the {} left in the rate budget; the rest are not"
                            + " fetched this run",
                    segmentIds.size(),
                    room);
        }
        String error = null;
        for (int i = 0; i < segmentIds.size(); i++) {
            String segmentId = segmentIds.get(i);
            // Asked before every segment, not once: retries and further pages of earlier segments count too.
            if (budget.remaining() < 1) {
                List<String> left = segmentIds.subList(i, segmentIds.size());
                left.forEach(id -> skipped.add(new SkippedRequest(contextId(id), NOT_SENT, BUDGET_REASON)));
                error = "rate budget: " + left.size() + " of " + segmentIds.size()
                        + " segments not fetched this run (PEAKON_RATE_LIMIT_PER_HOUR=" + budget.limit()
                        + "); they are listed as skipped";
                break;
            }
            try {
                PageChase.Endpoint endpoint = new PageChase.Endpoint(
                        collection,
                        scoresPath(segmentId),
                        DocumentKeys.segmentContext(props.engagementGroup(), segmentId),
                        null,
                        null);
                pages.chase(
                        run,
                        endpoint,
                        pages.firstUri(endpoint.path(), pages.scoreQuery()),
                        batch,
                        progress,
                        PageChase.Observers.NONE);
            } catch (PeakonHttpException e) {
                if (e.status() != PageChase.UNPROCESSABLE && e.status() != PageChase.NOT_FOUND) {
                    error = pages.describe(e);
                    break;
                }
                log.info("segment_scores: segment {} answered HTTP {}; skipped", segmentId, e.status());
                skipped.add(new SkippedRequest(contextId(segmentId), e.status(), e.excerpt()));
            } catch (RuntimeException e) {
                error = pages.describe(e);
                break;
            }
        }
        return pages.finish(collection, batch, progress, skipped, error);
    }

    private static String contextId(String segmentId) {
        return "segment_" + segmentId;
    }

    private String scoresPath(String segmentId) {
        return "/scores/contexts/segment_" + UriUtils.encodePathSegment(segmentId, StandardCharsets.UTF_8) + "/group/"
                + UriUtils.encodePathSegment(props.engagementGroup(), StandardCharsets.UTF_8);
    }
}
