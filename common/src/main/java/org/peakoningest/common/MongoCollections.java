package org.peakoningest.common;

/**
 * Names of the MongoDB collections that are not data collections, with their owner. Data collections are named by
 * {@link PeakonCollection#collectionName()}.
 *
 * <p>Ownership is an invariant: no service writes a collection another service owns.
 */
public final class MongoCollections {

    /** Bearer-token cache. Owner: fetcher. {@code _id} is {@code "{base_url}::application"}. */
    public static final String AUTH_TOKENS = "auth_tokens";

    /** Incremental-crawl cursors ({@code last_answer_id}, {@code last_employee_id}). Owner: fetcher. */
    public static final String SYNC_STATE = "sync_state";

    /** ShedLock's lock documents, so two fetchers never crawl at once. Owner: fetcher. */
    public static final String FETCHER_LOCKS = "fetcher_locks";

    /** One document per run: fetch status from the run events, landed counts from the data. Owner: writer. */
    public static final String INGESTION_RUNS = "ingestion_runs";

    /**
     * The erasures topic as the writer read it: one document per erased person ({@code _id} the hash, never an id),
     * with the per-run counts of the documents erasures deleted, so a run whose documents were erased still counts
     * as landed. Owner: writer.
     */
    public static final String ERASURES = "erasures";

    private MongoCollections() {}
}
