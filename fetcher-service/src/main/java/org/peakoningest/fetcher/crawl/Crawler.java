package org.peakoningest.fetcher.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.auth.BearerTokens;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.cursor.Cursor;
import org.peakoningest.fetcher.cursor.CursorStore;
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
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Crawls each collection of a run into the run's publisher: pages are chased to the end, every item becomes an
 * envelope, and after each page the crawl waits for Kafka's acknowledgements before it moves a cursor.
 */
@Component
public class Crawler {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final int UNPROCESSABLE = 422;

    private final FetcherProperties props;
    private final PeakonHttp http;
    private final RateBudget budget;
    private final BearerTokens tokens;
    private final CursorStore cursors;
    private final FetcherMetrics metrics;
    private final Redactor redactor;

    Crawler(
            FetcherProperties props,
            PeakonHttp http,
            RateBudget budget,
            BearerTokens tokens,
            CursorStore cursors,
            FetcherMetrics metrics,
            Redactor redactor) {
        this.props = props;
        this.http = http;
        this.budget = budget;
        this.tokens = tokens;
        this.cursors = cursors;
        this.metrics = metrics;
        this.redactor = redactor;
    }

    public CollectionStats answers(RunContext run) {
        return single(
                run,
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                Cursor.ANSWERS,
                "per_page=" + props.perPage(),
                null,
                null);
    }

    public CollectionStats employees(RunContext run) {
        return single(run, PeakonCollection.EMPLOYEES, "/employees", Cursor.EMPLOYEES, null, null, null);
    }

    /** The drivers; their ids are handed to {@code driverIds} for {@link #scoresByDriver}. */
    public CollectionStats drivers(RunContext run, List<String> driverIds) {
        return single(run, PeakonCollection.DRIVERS, "/engagement/drivers", null, null, null, item -> {
            JsonNode id = item.path("id");
            if (id.isString() && !id.stringValue().isBlank()) {
                driverIds.add(id.stringValue());
            } else if (id.isIntegralNumber()) {
                driverIds.add(id.asString());
            }
        });
    }

    public CollectionStats scoresContexts(RunContext run) {
        return single(
                run,
                PeakonCollection.SCORES_CONTEXTS,
                scoresPath(props.engagementGroup()),
                null,
                null,
                props.engagementGroup(),
                null);
    }

    /** One call per driver id; a driver answered 422 (not a valid score group) is skipped and recorded. */
    public CollectionStats scoresByDriver(RunContext run, List<String> driverIds) {
        PeakonCollection collection = PeakonCollection.SCORES_BY_DRIVER;
        RecordPublisher.Batch batch = run.publisher().open(collection);
        Progress progress = new Progress();
        List<SkippedRequest> skipped = new ArrayList<>();
        String error = null;
        for (String driverId : driverIds) {
            try {
                Endpoint endpoint = new Endpoint(collection, scoresPath(driverId), driverId, driverId, null);
                chase(run, endpoint, firstUri(endpoint.path(), null), batch, progress, null);
            } catch (PeakonHttpException e) {
                if (e.status() != UNPROCESSABLE) {
                    error = describe(e);
                    break;
                }
                log.info("scores_by_driver: driver '{}' is not a score group (HTTP 422); skipped", driverId);
                skipped.add(new SkippedRequest(driverId, e.status(), e.excerpt()));
            } catch (RuntimeException e) {
                error = describe(e);
                break;
            }
        }
        return finish(collection, batch, progress, skipped, error);
    }

    private CollectionStats single(
            RunContext run,
            PeakonCollection collection,
            String path,
            Cursor cursor,
            String query,
            String context,
            Consumer<JsonNode> alsoSee) {
        RecordPublisher.Batch batch = run.publisher().open(collection);
        Progress progress = new Progress();
        String error = null;
        try {
            String firstQuery = withContinuation(run, cursor, query);
            Endpoint endpoint = new Endpoint(collection, path, context, null, cursor);
            try {
                chase(run, endpoint, firstUri(path, firstQuery), batch, progress, alsoSee);
            } catch (PeakonHttpException e) {
                // The cursor is best effort (the brief's "continuation if supported"): when Peakon refuses it
                // on the very first request, crawl from the start rather than fail the collection every week.
                boolean refusedCursor = !Objects.equals(firstQuery, query)
                        && progress.pages == 0
                        && (e.status() == 400 || e.status() == UNPROCESSABLE);
                if (!refusedCursor) {
                    throw e;
                }
                log.warn(
                        "{}: Peakon refused the continuation cursor (HTTP {}); crawling from the start",
                        collection,
                        e.status());
                chase(run, endpoint, firstUri(path, query), batch, progress, alsoSee);
            }
        } catch (RuntimeException e) {
            error = describe(e);
        }
        return finish(collection, batch, progress, List.of(), error);
    }

    /** Where a collection's items come from and how they are keyed. */
    private record Endpoint(PeakonCollection collection, String path, String context, String driverId, Cursor cursor) {}

    /** Counts of one collection while it is crawled. */
    private static final class Progress {
        int pages;
        long items;
    }

    /**
     * Follows the pages of one endpoint to the end.
     *
     * @param alsoSee gets the tree of every item published, or null (no trees: the answers path never builds one)
     */
    private void chase(
            RunContext run,
            Endpoint endpoint,
            URI first,
            RecordPublisher.Batch batch,
            Progress progress,
            Consumer<JsonNode> alsoSee) {
        Set<String> requested = new HashSet<>();
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
                    alsoSee);
            PageReader.Page page = fetch(url, !run.dryRun(), envelopes);
            // Nothing moves on until Kafka has acknowledged every record of this page (and all before it).
            batch.awaitAcknowledged();
            OptionalLong maxSeen = envelopes.maxNumericKey();
            if (endpoint.cursor() != null && !run.dryRun() && maxSeen.isPresent()) {
                cursors.advance(endpoint.cursor(), maxSeen.getAsLong());
            }
            progress.pages++;
            progress.items += page.items();
            metrics.page(endpoint.collection());
            metrics.items(endpoint.collection(), page.items());
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
    private PageReader.Page fetch(URI uri, boolean persistToken, PageEnvelopes envelopes) {
        String token = tokens.current(persistToken);
        try {
            return fetchWith(uri, token, envelopes);
        } catch (PeakonHttpException e) {
            if (e.status() != 401) {
                throw e;
            }
            return fetchWith(uri, tokens.refresh(token, persistToken), envelopes);
        }
    }

    private PageReader.Page fetchWith(URI uri, String token, PageEnvelopes envelopes) {
        return http.send(PeakonHttp.Request.get(uri, token), body -> {
            // Items carry the time their page arrived: a retried fetch arrives again, later.
            Instant fetchedAt = Timestamps.now();
            return PageReader.read(body, item -> envelopes.accept(item, fetchedAt));
        });
    }

    private URI nextPage(URI current, PageReader.Page page) {
        if (page.next() != null) {
            return NextPages.resolve(URI.create(props.baseUrl()), current, page.next());
        }
        return NextPages.byPageNumber(current, page.meta(), page.items()).orElse(null);
    }

    /** Waits for the last acknowledgements so {@code published} is exact even when the crawl stopped early. */
    private CollectionStats finish(
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
        if (error != null) {
            log.warn(
                    "{}: failed after {} pages, {} records published: {}",
                    collection,
                    progress.pages,
                    published,
                    error);
            return new CollectionStats(CollectionStatus.FAILED, published, progress.pages, skipped, error, distinct);
        }
        log.info(
                "{}: done, {} pages, {} records published{}",
                collection,
                progress.pages,
                published,
                skipped.isEmpty() ? "" : ", " + skipped.size() + " requests skipped");
        return new CollectionStats(CollectionStatus.SUCCESS, published, progress.pages, skipped, null, distinct);
    }

    private String withContinuation(RunContext run, Cursor cursor, String query) {
        if (cursor == null || run.mode() == SyncMode.FULL) {
            return query;
        }
        OptionalLong last = cursors.read(cursor);
        if (last.isEmpty()) {
            return query;
        }
        log.info("incremental run: {} continues after {}", cursor.documentId(), last.getAsLong());
        String continuation = "continuation=" + last.getAsLong();
        return query == null ? continuation : query + "&" + continuation;
    }

    private URI firstUri(String path, String query) {
        return UriComponentsBuilder.fromUriString(props.baseUrl() + path + (query == null ? "" : "?" + query))
                .build(true)
                .toUri();
    }

    private String scoresPath(String group) {
        return "/scores/contexts/company_" + props.companyId() + "/group/"
                + UriUtils.encodePathSegment(group, StandardCharsets.UTF_8);
    }

    private String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return redactor.redact(message);
    }
}
