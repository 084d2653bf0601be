package org.peakoningest.writer.store;

import com.mongodb.client.model.WriteModel;
import org.bson.RawBsonDocument;

/**
 * Turns one document version into the write that stores it (the role of mongo-kafka's write-model strategies).
 * {@link BulkDocumentWriter} is the only caller and the only place that talks to Mongo for data documents.
 */
interface WriteModelStrategy {

    /** Whether {@code version} should replace {@code stored} (null: no stored document). */
    boolean isNewer(PendingDocument version, StoredVersion stored);

    /**
     * The write for a version that {@link #isNewer is newer} than what was read; it must re-check atomically, so
     * that a version stored meanwhile by another writer is never overwritten by an older one.
     */
    WriteModel<RawBsonDocument> model(PendingDocument version, StoredVersion stored);
}
