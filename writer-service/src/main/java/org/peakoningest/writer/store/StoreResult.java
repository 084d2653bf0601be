package org.peakoningest.writer.store;

import java.util.List;
import java.util.Map;
import org.peakoningest.common.PeakonCollection;

/**
 * What one {@link BulkDocumentWriter#write} did.
 *
 * @param outcomes per collection: versions written and versions skipped because a newer one is stored (or came
 *                 later in the same batch)
 * @param rejected versions Mongo refused for a reason of their own (e.g. an illegal field name): dead-letter them
 * @param deleted  per collection: documents deleted by tombstones
 * @param shadowed keys whose last record in the batch is not the version that is stored now (it lost to an older
 *                 record with a later {@code fetched_at}): compaction would keep that record, not the stored version
 */
public record StoreResult(
        Map<PeakonCollection, Outcome> outcomes,
        List<Rejection> rejected,
        Map<PeakonCollection, Integer> deleted,
        List<KeyPosition> shadowed) {

    public record Outcome(int written, int stale) {}

    public record Rejection(PendingDocument version, String reason) {}

    public int written() {
        return outcomes.values().stream().mapToInt(Outcome::written).sum();
    }

    public int stale() {
        return outcomes.values().stream().mapToInt(Outcome::stale).sum();
    }
}
