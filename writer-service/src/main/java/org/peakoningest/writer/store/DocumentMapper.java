package org.peakoningest.writer.store;

import org.bson.Document;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.RecordEnvelope;

/**
 * Builds the stored document of an envelope: the raw item, then {@code _id} (the contract's key),
 * {@code fetched_at}, {@code run_id}, {@code endpoint}, {@code source_url}, {@code driver_id} on
 * {@code scores_by_driver}, and {@value #SOURCE} = {@code {partition, offset}} of the record, the tie-breaker of
 * the never-regress rule. Everything comes from the record, so a replay of the same topics rebuilds the same bytes.
 */
public final class DocumentMapper {

    /** Where in its topic this version came from: {@code {partition: int, offset: long}}. */
    public static final String SOURCE = "_source";

    private DocumentMapper() {
    }

    /** The envelope must have no {@link RecordEnvelope#defect() defect}. */
    public static PendingDocument toPending(RecordEnvelope envelope, PeakonCollection collection, int partition,
                                            long offset, Object source) {
        Object id = envelope.key().mongoValue();
        String fetchedAt = Timestamps.format(envelope.fetchedAt());
        Document document = new Document(DocumentFields.ID, id);
        document.putAll(JsonToBson.document(envelope.item()));
        document.put(DocumentFields.ID, id); // an item member called _id must not win over the contract's key
        document.put(DocumentFields.FETCHED_AT, fetchedAt);
        document.put(DocumentFields.RUN_ID, envelope.runId());
        document.put(DocumentFields.ENDPOINT, envelope.endpoint());
        document.put(DocumentFields.SOURCE_URL, envelope.sourceUrl());
        if (collection == PeakonCollection.SCORES_BY_DRIVER) {
            document.put(DocumentFields.DRIVER_ID, envelope.driverId());
        }
        document.put(SOURCE, new Document("partition", partition).append("offset", offset));
        return new PendingDocument(collection, id, fetchedAt, partition, offset, document, source);
    }
}
