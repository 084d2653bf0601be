package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the fetcher did for one collection in a run.
 *
 * @param status       the fetch outcome
 * @param published    records acknowledged by Kafka: exactly the records of this run on the collection's topic
 * @param pages        responses read
 * @param skipped      requests skipped on purpose (see {@link SkippedRequest}); empty when none
 * @param error        the error that stopped the collection, credential-free; absent on success
 * @param distinctKeys distinct document keys among the {@code published} records. Lower than {@code published}
 *                     when the same document was published twice in one run (a page re-read after a failure
 *                     mid-stream, an item on two pages); absent in events of older fetchers
 * @param completeSnapshot true when the crawl read every page from the start and Kafka acknowledged every record:
 *                     the run's keys are everything Peakon had (employees: whoever is missing has left). Absent or
 *                     false otherwise (a failed or partial crawl, an incremental collection, older fetchers)
 * @param expected     Peakon's own count of the collection at the start of the run ({@code GET /employees/count});
 *                     absent when Peakon offers no count for it
 * @param erased       items Peakon served but the fetcher did not publish because their person is erased
 *                     ({@code peakon.erasures}); absent when none
 */
public record CollectionStats(
        @JsonProperty("status") CollectionStatus status,
        @JsonProperty("published") long published,
        @JsonProperty("pages") int pages,
        @JsonProperty("skipped") List<SkippedRequest> skipped,
        @JsonProperty("error") String error,
        @JsonProperty("distinct_keys") Long distinctKeys,
        @JsonProperty("complete_snapshot") Boolean completeSnapshot,
        @JsonProperty("expected") Long expected,
        @JsonProperty("erased") Long erased) {

    public CollectionStats {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** Stats of a collection that is no snapshot, with no count from Peakon and nothing erased. */
    public CollectionStats(
            CollectionStatus status,
            long published,
            int pages,
            List<SkippedRequest> skipped,
            String error,
            Long distinctKeys) {
        this(status, published, pages, skipped, error, distinctKeys, null, null, null);
    }

    /** Stats without a distinct-key count (it is then taken to equal {@code published}). */
    public CollectionStats(
            CollectionStatus status, long published, int pages, List<SkippedRequest> skipped, String error) {
        this(status, published, pages, skipped, error, null, null, null, null);
    }

    /**
     * How many documents of this run a consumer should find once everything landed: the distinct keys when known,
     * else {@code published}.
     */
    @JsonIgnore
    public long expectedDocuments() {
        return distinctKeys != null ? distinctKeys : published;
    }

    /** These stats with the snapshot flag, Peakon's count and the erased items set. */
    public CollectionStats withSnapshot(boolean complete, Long expectedCount, Long erasedItems) {
        return new CollectionStats(
                status, published, pages, skipped, error, distinctKeys, complete, expectedCount, erasedItems);
    }

    /** Whether this is a complete snapshot: every key Peakon had at the time of the run was published. */
    @JsonIgnore
    public boolean isCompleteSnapshot() {
        return Boolean.TRUE.equals(completeSnapshot) && status == CollectionStatus.SUCCESS;
    }

    /**
     * Whether Peakon's own count disagrees with what the run crawled (the distinct keys plus the erased items):
     * false when Peakon gave no count.
     */
    @JsonIgnore
    public boolean countMismatch() {
        if (expected == null) {
            return false;
        }
        return expected != expectedDocuments() + (erased == null ? 0 : erased);
    }
}
