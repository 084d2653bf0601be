package org.peakoningest.common;

/**
 * Field names the writer adds to every raw {@code data[]} item, as the original (Python) version did, so tools
 * written for it keep working on the documents.
 */
public final class DocumentFields {

    public static final String ID = "_id";
    /** When the fetcher received the item: UTC, fixed-width ISO-8601 string (see {@link Timestamps}). */
    public static final String FETCHED_AT = "fetched_at";
    /** The run (UUID string) whose crawl produced this version of the document. */
    public static final String RUN_ID = "run_id";
    /** The API path the item came from, e.g. {@code /answers/export}. */
    public static final String ENDPOINT = "endpoint";
    /** The full URL of the page the item was on. */
    public static final String SOURCE_URL = "source_url";
    /** On {@code scores_by_driver} only: the driver id used as the score group. */
    public static final String DRIVER_ID = "driver_id";
    /**
     * Added by this writer (not in the Python version's shape): where in its topic the stored version came from,
     * {@code {partition: int32, offset: int64}}; with {@link #FETCHED_AT} it orders versions of a document.
     */
    public static final String SOURCE = "_source";
    /**
     * On {@code employees} only, set by the writer after a complete snapshot run (issue #14): {@code true} for people
     * Peakon served in that run, {@code false} for people it no longer serves (they left). Absent on a document no
     * complete snapshot has judged yet: treat as present.
     */
    public static final String PRESENT = "present";
    /** With {@code present: false}: the {@code started_at} of the first complete snapshot run that missed the person. */
    public static final String ABSENT_SINCE = "absent_since";

    private DocumentFields() {}
}
