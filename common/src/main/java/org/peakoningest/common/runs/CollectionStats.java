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
 */
public record CollectionStats(
        @JsonProperty("status") CollectionStatus status,
        @JsonProperty("published") long published,
        @JsonProperty("pages") int pages,
        @JsonProperty("skipped") List<SkippedRequest> skipped,
        @JsonProperty("error") String error,
        @JsonProperty("distinct_keys") Long distinctKeys) {

    public CollectionStats {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** Stats without a distinct-key count (it is then taken to equal {@code published}). */
    public CollectionStats(
            CollectionStatus status, long published, int pages, List<SkippedRequest> skipped, String error) {
        this(status, published, pages, skipped, error, null);
    }

    /**
     * How many documents of this run a consumer should find once everything landed: the distinct keys when known,
     * else {@code published}.
     */
    @JsonIgnore
    public long expectedDocuments() {
        return distinctKeys != null ? distinctKeys : published;
    }
}
