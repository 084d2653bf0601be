package org.peakoningest.common.runs;

/**
 * Field names of an {@code ingestion_runs} document ({@code _id} = run id), the writer's projection of the run events
 * and of the landed data. Here, not in the writer, because the fetcher reads that projection too (it closes runs
 * whose fetcher died, see docs/fetcher.md) and must read the names the writer writes. Fetch-side fields come from the
 * run events; {@code landed}, {@code counts} and {@code landing_status} are recounted from the data collections.
 */
public final class RunFields {

    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    /** The fetch status: {@link #RUNNING} after RunStarted, then the RunFinished status. */
    public static final String STATUS = "status";

    public static final String SYNC_MODE = "sync_mode";
    public static final String LAST_ERROR = "last_error";
    /**
     * Per collection name: {@code status, published, distinct_keys, pages, skipped, error, complete_snapshot,
     * expected, erased} (fetcher) and {@code landed}.
     */
    public static final String COLLECTIONS = "collections";

    public static final String PUBLISHED = "published";
    /** Distinct document keys among the published records (newer fetchers): what should land. */
    public static final String DISTINCT_KEYS = "distinct_keys";

    public static final String PAGES = "pages";
    /** A list of {@code {context, status, reason}}, the collection's {@link SkippedRequest}s. */
    public static final String SKIPPED = "skipped";

    public static final String ERROR = "error";
    /** True when the collection's crawl is a complete snapshot ({@link CollectionStats#completeSnapshot()}). */
    public static final String COMPLETE_SNAPSHOT = "complete_snapshot";
    /** Peakon's own count of the collection at the start of the run ({@code GET /employees/count}). */
    public static final String EXPECTED = "expected";
    /** Items not published because their person is erased. */
    public static final String ERASED = "erased";
    /**
     * Run level: a list of one-line warnings a user should see although the run succeeded, e.g. {@code "employees:
     * Peakon counted 2000, the run crawled 1997"}.
     */
    public static final String WARNINGS = "warnings";
    /**
     * Run level, on a run whose employees crawl was a complete snapshot, once its employees landed: {@code
     * {applied_at, absent, present}}, the writer's departures pass (people marked absent / present by it).
     */
    public static final String DEPARTURES = "departures";

    public static final String LANDED = "landed";
    /**
     * Documents of the run that landed and were deleted afterwards by an erasure on request (the erasures topic's
     * {@code erased_by_run}): they count as landed when the landing is decided, and are not in {@code landed}.
     */
    public static final String ERASED_AFTER_LANDING = "erased_after_landing";
    /** The Python brief's shape: per collection name, the documents of the run in Mongo (= landed). */
    public static final String COUNTS = "counts";
    /** One of {@link RunLandingStatus#storedValues()}. */
    public static final String LANDING_STATUS = "landing_status";

    /** The fetch status of a run that started and has not finished (no RunFinished applied yet). */
    public static final String RUNNING = "running";

    private RunFields() {}
}
