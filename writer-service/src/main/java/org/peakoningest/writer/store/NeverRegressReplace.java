package org.peakoningest.writer.store;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.peakoningest.common.DocumentFields;

/**
 * Writes a version only over an older one. {@link BulkDocumentWriter} first reads the stored versions of the
 * batch's ids ({@code _id $in}, indexed everywhere) and drops versions that are not newer; for the rest:
 * <ul>
 *   <li>no stored document: a plain insert. If another writer inserted the same {@code _id} in between, MongoDB
 *       answers E11000 and the batch is retried (and compared again);</li>
 *   <li>an older stored document: a replace whose filter re-checks "stored is older" atomically:
 *       {@code {_id, $or: [{fetched_at < new}, {fetched_at == new, _source.offset < new}, {fetched_at absent}]}}.
 *       If a newer version landed in between, the filter matches nothing and the newer document stays.</li>
 * </ul>
 * Replace semantics: a field that disappeared upstream disappears from the document.
 *
 * <p>Why not one conditional upsert per version with E11000 as the "stale" signal: equally correct on MongoDB, but
 * mongo-java-server (the test and embedded endpoint) uses an index only when a query has exactly the index's keys,
 * so that filter scanned the whole collection for every document (~150 docs/s at 10k documents, quadratic). Now
 * only a genuine update of an existing document pays that scan there; inserts and stale versions do not.
 */
final class NeverRegressReplace {

    private static final String SOURCE_OFFSET = DocumentFields.SOURCE + ".offset";

    /**
     * The write for a version that {@link #isNewer is newer} than what was read; it re-checks atomically, so that a
     * version stored meanwhile by another writer is never overwritten by an older one.
     */
    WriteModel<RawBsonDocument> model(PendingDocument version, StoredVersion stored) {
        if (stored == null) {
            return new InsertOneModel<>(version.document());
        }
        Bson storedIsOlder = Filters.or(
                Filters.lt(DocumentFields.FETCHED_AT, version.fetchedAt()),
                Filters.and(
                        Filters.eq(DocumentFields.FETCHED_AT, version.fetchedAt()),
                        Filters.lt(SOURCE_OFFSET, version.offset())),
                Filters.exists(DocumentFields.FETCHED_AT, false));
        return new ReplaceOneModel<>(
                Filters.and(Filters.eq(DocumentFields.ID, version.id()), storedIsOlder), version.document());
    }

    /**
     * The delete for a tombstone: only a document stored from an earlier record of its key goes (or one without
     * {@code _source}, which no record of this topic wrote). A version from a later record stays, as it would on the
     * compacted topic, also when a replay into the live database reads an old tombstone again.
     */
    DeleteOneModel<RawBsonDocument> delete(KeyPosition tombstone) {
        return new DeleteOneModel<>(Filters.and(
                Filters.eq(DocumentFields.ID, tombstone.id()),
                Filters.or(
                        Filters.lt(SOURCE_OFFSET, tombstone.offset()), Filters.exists(DocumentFields.SOURCE, false))));
    }

    /** Whether {@code version} should replace {@code stored} (null: no stored document). */
    boolean isNewer(PendingDocument version, StoredVersion stored) {
        if (stored == null || stored.fetchedAt() == null) {
            return true;
        }
        int byTime = version.fetchedAt().compareTo(stored.fetchedAt());
        return byTime > 0 || byTime == 0 && (stored.offset() == null || version.offset() > stored.offset());
    }
}
