package org.peakoningest.common.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the fetcher did for one collection in a run.
 *
 * @param status    the fetch outcome
 * @param published records acknowledged by Kafka: exactly the records of this run on the collection's topic
 * @param pages     responses read
 * @param skipped   requests skipped on purpose (see {@link SkippedRequest}); empty when none
 * @param error     the error that stopped the collection, credential-free; absent on success
 */
public record CollectionStats(
        @JsonProperty("status") CollectionStatus status,
        @JsonProperty("published") long published,
        @JsonProperty("pages") int pages,
        @JsonProperty("skipped") List<SkippedRequest> skipped,
        @JsonProperty("error") String error) {

    public CollectionStats {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
