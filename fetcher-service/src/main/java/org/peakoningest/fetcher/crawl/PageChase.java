package org.peakoningest.fetcher.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.fetcher.auth.BearerTokens;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.cursor.Cursor;
import org.peakoningest.fetcher.cursor.CursorStore;
import org.peakoningest.fetcher.erase.ErasureRegister;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.PeakonHttpException;
import org.peakoningest.fetcher.http.RateBudget;
import org.peakoningest.fetcher.http.Redactor;
import org.peakoningest.fetcher.progress.FetcherMetrics;
import org.peakoningest.fetcher.publish.PublishException;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What every collection crawl does with one endpoint: pages are chased to the end, every item becomes an envelope,
 * and after each page the crawl waits for Kafka's acknowledgements before it moves a cursor. {@link Crawler} and
 * {@link SegmentCrawl} say which endpoints; this class fetches them.
 */
@Component
class PageChase {

    private static final Logger log = LoggerFactory.getLogger(PageChase.class);

    static final int UNPROCESSABLE = 422;
    static final int NOT_FOUND = 404;

    private final FetcherProperties props;
    private final PeakonHttp http;
    private final RateBudget budget;
    private final BearerTokens tokens;
    private final CursorStore cursors;
    private final FetcherMetrics metrics;
    private final Redactor redactor;
    private final ErasureRegister erasures;

    PageChase(
            FetcherProperties props,
            PeakonHttp http,
            RateBudget budget,
            BearerTokens tokens,
            CursorStore cursors,
            FetcherMetrics metrics,
            Redactor redactor,
            ErasureRegister erasures) {
        this.props = props;
        this.http = http;
        this.budget = budget;
        this.tokens = tokens;
        this.cursors = cursors;
        this.metrics = metrics;
        this.redactor = redactor;
        this.erasures = erasures;
    }

    /** Where a collection's items come from and how they are keyed. */
    record Endpoint(PeakonCollection collection, String path, String context, String driverId, Cursor cursor) {}

    /** Counts of one collection while it is crawled. */
    static final class Progress {
        int pages;
        long items;
        /** Items not published because their person is erased (issue #14): the stats' {@code erased}. */
        long erased;
    }

    /** Optional observers of a crawl: items as trees, pages with their {@code included} resources. */
    record Observers(Consumer<JsonNode> items, Consumer<PageReader.Page> pages) {
        static final Observers NONE = new Observers(null, null);

        static Observers items(Consumer<JsonNode> items) {
            return new Observers(items, null);
        }
    }

    /**
     * Follows the pages of one endpoint to the end.
     *
     * @param observers {@code items} gets the tree of every item published, or null (no trees: the answers path
     *                  never builds one); {@code pages} gets every page read with its {@code included} resources, or
     *                  null (then {@code included} is skipped unread)
     */
    void chase(
            RunContext run,
            Endpoint endpoint,
            URI first,
            RecordPublisher.Batch batch,
            Progress progress,
            Observers observers) {
        Set<String> requested = new HashSet<>();
        ErasureFilter erasure = ErasureFilter.of(endpoint.collection(), () -> erasures.current(run.runId()));
        URI url = first;
        while (url != null) {
            if (!requested.add(url.toString())) {
                throw new IllegalStateException(
                        "pagination loop on " + endpoint.path() + ": the next page " + url + " was already fetched");
            }
            PageEnvelopes envelopes = new PageEnvelopes(
                    run.runId(),
                    endpoint.collection(),
                    endpoint.path(),
                    url.toString(),
                    endpoint.context(),
                    endpoint.driverId(),
                    batch,
                    observers.items(),
                    erasure);
            PageReader.Page page = fetch(url, !run.dryRun(), envelopes, observers.pages() != null);
            // Nothing moves on until Kafka has acknowledged every record of this page (and all before it).
            batch.awaitAcknowledged();
            OptionalLong maxSeen = envelopes.maxNumericKey();
            if (endpoint.cursor() != null && !run.dryRun() && maxSeen.isPresent()) {
                cursors.advance(endpoint.cursor(), maxSeen.getAsLong());
            }
            if (observers.pages() != null) {
                observers.pages().accept(page);
            }
            progress.pages++;
            progress.items += page.items();
            progress.erased += envelopes.erased();
            metrics.page(endpoint.collection());
            metrics.items(endpoint.collection(), page.items());
            metrics.erased(endpoint.collection(), envelopes.erased());
            log.info(
                    "{}: page {} read, {} items so far, {} requests left in the rate budget",
                    endpoint.collection(),
                    progress.pages,
                    progress.items,
                    budget.remaining());
            url = nextPage(url, page);
        }
    }

    /** One page with the run's bearer token. A 401 re-authenticates once and retries the call once. */
    private PageReader.Page fetch(URI uri, boolean persistToken, PageEnvelopes envelopes, boolean keepIncluded) {
        String token = tokens.current(persistToken);
        try {
            return fetchWith(uri, token, envelopes, keepIncluded);
        } catch (PeakonHttpException e) {
            if (e.status() != 401) {
                throw e;
            }
            return fetchWith(uri, tokens.refresh(token, persistToken), envelopes, keepIncluded);
        }
    }

    private PageReader.Page fetchWith(URI uri, String token, PageEnvelopes envelopes, boolean keepIncluded) {
        return http.send(PeakonHttp.Request.get(uri, token), body -> {
            // Items carry the time their page arrived: a retried fetch arrives again, later.
            Instant fetchedAt = Timestamps.now();
            return PageReader.read(body, item -> envelopes.accept(item, fetchedAt), keepIncluded);
        });
    }

    private URI nextPage(URI current, PageReader.Page page) {
        if (page.next() != null) {
            return NextPages.resolve(URI.create(props.baseUrl()), current, page.next());
        }
        return NextPages.byPageNumber(current, page.meta(), page.items()).orElse(null);
    }

    /** Waits for the last acknowledgements so {@code published} is exact even when the crawl stopped early. */
    CollectionStats finish(
            PeakonCollection collection,
            RecordPublisher.Batch batch,
            Progress progress,
            List<SkippedRequest> skipped,
            String error) {
        try {
            batch.awaitAcknowledged();
        } catch (PublishException e) {
            if (error == null) {
                error = describe(e);
            }
        }
        long published = batch.acknowledged();
        long distinct = batch.distinctKeys();
        Long erased = progress.erased == 0 ? null : progress.erased;
        if (error != null) {
            log.warn(
                    "{}: failed after {} pages, {} records published: {}",
                    collection,
                    progress.pages,
                    published,
                    error);
            return new CollectionStats(
                    CollectionStatus.FAILED, published, progress.pages, skipped, error, distinct, null, null, erased);
        }
        log.info(
                "{}: done, {} pages, {} records published{}{}",
                collection,
                progress.pages,
                published,
                skipped.isEmpty() ? "" : ", " + skipped.size() + " requests skipped",
                erased == null ? "" : ", " + erased + " items of erased people not published");
        return new CollectionStats(
                CollectionStatus.SUCCESS, published, progress.pages, skipped, null, distinct, null, null, erased);
    }

    URI firstUri(String path, String query) {
        return UriComponentsBuilder.fromUriString(props.baseUrl() + path + (query == null ? "" : "?" + query))
                .build(true)
                .toUri();
    }

    /**
     * The query every score request carries (issue #13): {@code interval}, {@code participation} and
     * {@code observations}, which the API reference documents for {@code /engagement/drivers} and
     * {@code /scores/contexts/{contextId}/group/{group}} alike. Without {@code interval} Peakon answers the current
     * quarter only, without {@code participation=true} no participation.
     */
    String scoreQuery() {
        return "interval=" + props.scoresInterval() + "&participation=" + props.scoresParticipation() + "&observations="
                + props.scoresObservations();
    }

    String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return redactor.redact(message);
    }
}
