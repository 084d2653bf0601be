package org.peakoningest.fetcher.crawl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.SkippedRequest;
import org.peakoningest.common.runs.SyncMode;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.cursor.Cursor;
import org.peakoningest.fetcher.cursor.CursorStore;
import org.peakoningest.fetcher.http.PeakonHttpException;
import org.peakoningest.fetcher.publish.RecordPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * The collections of the original brief, each crawled into the run's publisher through {@link PageChase}: answers
 * from their cursor, every employee (checked against Peakon's count, see {@link EmployeeCount}), drivers, and the
 * company's scores for the engagement group and per driver. The segments and their scores are {@link SegmentCrawl}'s.
 */
@Component
public class Crawler {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final FetcherProperties props;
    private final PageChase pages;
    private final CursorStore cursors;
    private final EmployeeCount employeeCount;

    Crawler(FetcherProperties props, PageChase pages, CursorStore cursors, EmployeeCount employeeCount) {
        this.props = props;
        this.pages = pages;
        this.cursors = cursors;
        this.employeeCount = employeeCount;
    }

    public CollectionStats answers(RunContext run) {
        return single(
                run,
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                Cursor.ANSWERS,
                "per_page=" + props.perPage(),
                null,
                PageChase.Observers.NONE);
    }

    /** Peakon's count of the employees ({@code GET /employees/count}), asked before the crawl; empty when failed. */
    public OptionalLong employeeCount(RunContext run) {
        return employeeCount.fetch(run);
    }

    /**
     * Every employee, from the first page, on every run (incremental too: see {@link Cursor#EMPLOYEES}); a success is
     * a complete snapshot, compared with {@code expected}, Peakon's count.
     */
    public CollectionStats employees(RunContext run, OptionalLong expected) {
        CollectionStats crawled = single(
                run, PeakonCollection.EMPLOYEES, "/employees", Cursor.EMPLOYEES, null, null, PageChase.Observers.NONE);
        return employeeCount.check(run, crawled, expected);
    }

    /** The drivers; their ids are handed to {@code driverIds} for {@link #scoresByDriver}. */
    public CollectionStats drivers(RunContext run, List<String> driverIds) {
        return single(
                run,
                PeakonCollection.DRIVERS,
                "/engagement/drivers",
                null,
                pages.scoreQuery(),
                null,
                PageChase.Observers.items(item -> {
                    JsonNode id = item.path("id");
                    if (id.isString() && !id.stringValue().isBlank()) {
                        driverIds.add(id.stringValue());
                    } else if (id.isIntegralNumber()) {
                        driverIds.add(id.asString());
                    }
                }));
    }

    public CollectionStats scoresContexts(RunContext run) {
        return single(
                run,
                PeakonCollection.SCORES_CONTEXTS,
                scoresPath(props.engagementGroup()),
                null,
                pages.scoreQuery(),
                props.engagementGroup(),
                PageChase.Observers.NONE);
    }

    /** One call per driver id; a driver answered 422 (not a valid score group) is skipped and recorded. */
    public CollectionStats scoresByDriver(RunContext run, List<String> driverIds) {
        PeakonCollection collection = PeakonCollection.SCORES_BY_DRIVER;
        RecordPublisher.Batch batch = run.publisher().open(collection);
        PageChase.Progress progress = new PageChase.Progress();
        List<SkippedRequest> skipped = new ArrayList<>();
        String error = null;
        for (String driverId : driverIds) {
            try {
                PageChase.Endpoint endpoint =
                        new PageChase.Endpoint(collection, scoresPath(driverId), driverId, driverId, null);
                pages.chase(
                        run,
                        endpoint,
                        pages.firstUri(endpoint.path(), pages.scoreQuery()),
                        batch,
                        progress,
                        PageChase.Observers.NONE);
            } catch (PeakonHttpException e) {
                if (e.status() != PageChase.UNPROCESSABLE) {
                    error = pages.describe(e);
                    break;
                }
                log.info("scores_by_driver: driver '{}' is not a score group (HTTP 422); skipped", driverId);
                skipped.add(new SkippedRequest(driverId, e.status(), e.excerpt()));
            } catch (RuntimeException e) {
                error = pages.describe(e);
                break;
            }
        }
        return pages.finish(collection, batch, progress, skipped, error);
    }

    private CollectionStats single(
            RunContext run,
            PeakonCollection collection,
            String path,
            Cursor cursor,
            String query,
            String context,
            PageChase.Observers observers) {
        RecordPublisher.Batch batch = run.publisher().open(collection);
        PageChase.Progress progress = new PageChase.Progress();
        String error = null;
        try {
            String firstQuery = withContinuation(run, cursor, query);
            PageChase.Endpoint endpoint = new PageChase.Endpoint(collection, path, context, null, cursor);
            try {
                pages.chase(run, endpoint, pages.firstUri(path, firstQuery), batch, progress, observers);
            } catch (PeakonHttpException e) {
                // The cursor is best effort (the brief's "continuation if supported"): when Peakon refuses it
                // on the very first request, crawl from the start rather than fail the collection every week.
                boolean refusedCursor = !Objects.equals(firstQuery, query)
                        && progress.pages == 0
                        && (e.status() == 400 || e.status() == PageChase.UNPROCESSABLE);
                if (!refusedCursor) {
                    throw e;
                }
                log.warn(
                        "{}: Peakon refused the continuation cursor (HTTP {}); crawling from the start",
                        collection,
                        e.status());
                pages.chase(run, endpoint, pages.firstUri(path, query), batch, progress, observers);
            }
        } catch (RuntimeException e) {
            error = pages.describe(e);
        }
        return pages.finish(collection, batch, progress, List.of(), error);
    }

    private String withContinuation(RunContext run, Cursor cursor, String query) {
        if (cursor == null || !cursor.resumesCrawl() || run.mode() == SyncMode.FULL) {
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

    private String scoresPath(String group) {
        return "/scores/contexts/company_" + props.companyId() + "/group/"
                + UriUtils.encodePathSegment(group, StandardCharsets.UTF_8);
    }
}
