package org.peakoningest.writer.consume;

import java.util.List;
import org.peakoningest.writer.store.KeyPosition;

/**
 * Keeps every key's last record on its topic a valid version equal to the stored document, so that compaction
 * keeps what the database holds and a rebuild from the topics ({@code replay}) equals the live database.
 *
 * <p>After a batch is written, a key's last record can be one that was not stored: a dead-lettered record (poison
 * for an existing document), or an older version from a later record (one that lost to the stored version by
 * {@code fetched_at}). Compaction would delete the stored version's record and keep that one. The live writer then
 * publishes the stored version again, unchanged, after it; reading it back only moves the document's
 * {@code _source} to the new record. Must return only once those records are durably on their topics (or throw, and
 * the batch is retried without committing).
 */
public interface Republisher {

    /** @param lastRecords keys whose last record in the batch may not be the stored version, with that record */
    void republish(List<KeyPosition> lastRecords);
}
