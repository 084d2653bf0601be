package org.peakoningest.fetcher.crawl;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.fetcher.auth.AuthenticationException;
import org.peakoningest.fetcher.auth.BearerTokens;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.PeakonHttpException;
import org.peakoningest.fetcher.http.Redactor;
import org.peakoningest.fetcher.progress.FetcherMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The completeness check of the employees (issue #14): Peakon's own count ({@code GET /employees/count}, asked at
 * the start of the run) against what the run crawled, and whether the crawl is a complete snapshot. Peakon offers no
 * such count for the answers export, so only employees are checked.
 */
@Component
public class EmployeeCount {

    private static final Logger log = LoggerFactory.getLogger(EmployeeCount.class);

    static final String PATH = "/employees/count";

    private final FetcherProperties props;
    private final PeakonHttp http;
    private final BearerTokens tokens;
    private final FetcherMetrics metrics;
    private final Redactor redactor;

    EmployeeCount(
            FetcherProperties props, PeakonHttp http, BearerTokens tokens, FetcherMetrics metrics, Redactor redactor) {
        this.props = props;
        this.http = http;
        this.tokens = tokens;
        this.metrics = metrics;
        this.redactor = redactor;
    }

    /**
     * The warning a user should see when the collection's crawl succeeded and Peakon counted another number of
     * documents (the fetcher logs it and prints it under the summary table; the writer records it on the run):
     * {@code employees: Peakon counted 2000, the run crawled 1997}. Empty for a crawl that failed (its error says
     * more) and for a collection without a count.
     */
    public static Optional<String> warning(String collection, CollectionStats stats) {
        if (stats.status() != CollectionStatus.SUCCESS || !stats.countMismatch()) {
            return Optional.empty();
        }
        return Optional.of(collection + ": Peakon counted " + stats.expected() + ", the run crawled " + crawled(stats));
    }

    /** What the run crawled, as {@link CollectionStats#countMismatch()} compares it: distinct keys plus erased. */
    private static long crawled(CollectionStats stats) {
        return stats.expectedDocuments() + (stats.erased() == null ? 0 : stats.erased());
    }

    /**
     * Peakon's count of the employees, or empty when it cannot be had (after the retries of a transient failure):
     * the run goes on without it, with one warning.
     */
    OptionalLong fetch(RunContext run) {
        URI uri = URI.create(props.baseUrl() + PATH);
        boolean persistToken = !run.dryRun();
        try {
            String token = tokens.current(persistToken);
            long count;
            try {
                count = http.send(PeakonHttp.Request.get(uri, token), EmployeeCount::read);
            } catch (PeakonHttpException e) {
                if (e.status() != 401) {
                    throw e;
                }
                count = http.send(
                        PeakonHttp.Request.get(uri, tokens.refresh(token, persistToken)), EmployeeCount::read);
            }
            log.info("employees: Peakon counts {} employees", count);
            return OptionalLong.of(count);
        } catch (AuthenticationException e) {
            // A rejected token whose renewal failed: the run stops crawling (it reads BearerTokens.failure()).
            log.error("{}", e.getMessage());
            return OptionalLong.empty();
        } catch (RuntimeException e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn(
                    "employees: GET {} failed ({}); the run goes on without Peakon's count",
                    PATH,
                    redactor.redact(cause));
            return OptionalLong.empty();
        }
    }

    /** {@code {"count": N}}, as the API reference documents it. */
    private static long read(InputStream body) {
        JsonNode count = ContractJson.mapper().readTree(body).path("count");
        if (!count.isIntegralNumber() || !count.canConvertToLong() || count.longValue() < 0) {
            throw new IllegalStateException("the answer has no count: " + count);
        }
        return count.longValue();
    }

    /**
     * The employees crawl's stats with the snapshot flag and Peakon's count, and the warning (log and metric) when
     * the two disagree.
     *
     * @param crawled  the crawl's stats; employees are never resumed from a cursor, so a success read every page
     *                 from the first one, and Kafka acknowledged every record
     * @param expected Peakon's count, when it could be had
     */
    CollectionStats check(RunContext run, CollectionStats crawled, OptionalLong expected) {
        // A dry run publishes nothing: no snapshot a consumer could act on. The count does not decide it either: a
        // mismatch is a warning (people can join or leave between the count and the crawl), not a reason to hold
        // back departures. `erased` is passed through as the crawl counted it.
        boolean complete = crawled.status() == CollectionStatus.SUCCESS && !run.dryRun();
        CollectionStats stats =
                crawled.withSnapshot(complete, expected.isPresent() ? expected.getAsLong() : null, crawled.erased());
        PeakonCollection collection = PeakonCollection.EMPLOYEES;
        if (expected.isPresent() && stats.status() == CollectionStatus.SUCCESS) {
            metrics.countChecked(collection, expected.getAsLong(), crawled(stats));
        }
        warning(collection.collectionName(), stats).ifPresent(warning -> {
            log.warn("{}", warning);
            metrics.countMismatch(collection);
        });
        return stats;
    }
}
