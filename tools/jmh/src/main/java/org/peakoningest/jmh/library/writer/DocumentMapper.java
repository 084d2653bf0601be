// THE LIBRARY ALTERNATIVE, not adopted, kept so the decision can be re-measured (docs/performance.md,
// "Per-document CPU"). A verbatim copy of
// writer-service/src/main/java/org/peakoningest/writer/store/DocumentMapper.java as of commit f02cdfe;
// only the package line and the imports changed. Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.library.writer;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonElement;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.envelope.EnvelopeHeader;
import org.peakoningest.writer.store.PendingDocument;

/**
 * The stored document of a data record, with what orders it against other versions of its {@code _id}:
 * {@code _id} (the contract's key) and the raw item's members ({@link ItemToBson}), then {@code fetched_at},
 * {@code run_id}, {@code endpoint}, {@code source_url}, {@code driver_id} on {@code scores_by_driver}, and
 * {@code _source = {partition, offset}} of the record (the tie-breaker of the writer's never-regress rule).
 * Everything comes from the record, so a replay of the same topics rebuilds the same documents. The item's BSON is
 * copied as it is (the driver's {@code pipe} with extra elements), nothing is encoded twice.
 */
public final class DocumentMapper {

    private DocumentMapper() {}

    /** The envelope must have no {@link DecodedEnvelope#defect() defect}. */
    public static PendingDocument toPending(
            DecodedEnvelope envelope, PeakonCollection collection, int partition, long offset, Object source) {
        EnvelopeHeader header = envelope.header();
        String fetchedAt = Timestamps.format(header.fetchedAt());
        List<BsonElement> metadata = new ArrayList<>(6);
        metadata.add(new BsonElement(DocumentFields.FETCHED_AT, new BsonString(fetchedAt)));
        metadata.add(new BsonElement(DocumentFields.RUN_ID, text(header.runId())));
        metadata.add(new BsonElement(DocumentFields.ENDPOINT, text(header.endpoint())));
        metadata.add(new BsonElement(DocumentFields.SOURCE_URL, text(header.sourceUrl())));
        if (collection == PeakonCollection.SCORES_BY_DRIVER) {
            metadata.add(new BsonElement(DocumentFields.DRIVER_ID, text(header.driverId())));
        }
        metadata.add(new BsonElement(
                DocumentFields.SOURCE,
                new BsonDocument("partition", new BsonInt32(partition)).append("offset", new BsonInt64(offset))));

        RawBsonDocument item = envelope.document();
        BasicOutputBuffer out = new BasicOutputBuffer(item.getByteBuffer().remaining() + 256);
        new BsonBinaryWriter(out).pipe(new BsonBinaryReader(item.getByteBuffer().asNIO()), metadata);
        RawBsonDocument document = new RawBsonDocument(out.getInternalBuffer(), 0, out.getPosition());
        return new PendingDocument(
                collection, header.key().mongoValue(), fetchedAt, partition, offset, document, source);
    }

    private static BsonValue text(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(ItemToBson.wellFormed(value));
    }
}
