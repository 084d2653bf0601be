package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.writer.WriterFixture;

/**
 * What the bulk writer does when the driver ends a whole {@code bulkWrite} because of one document it will not send
 * (the real driver and MongoDB are in {@code RefusedDocumentsIT}; the emulator cannot make the driver refuse anything
 * but size, which the writer checks before sending): the batch is written again document by document, the refused
 * one is rejected with the driver's reason, the others land. A failure that says MongoDB is unavailable still ends
 * the write, so that the whole batch is retried.
 */
class BulkDocumentWriterTest {

    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

    private final List<List<Object>> calls = new ArrayList<>();

    @Test
    void aDocumentTheDriverRefusesIsRejectedAndTheOthersAreWrittenOneByOne() {
        PendingDocument good1 = answer(920_001, 1);
        PendingDocument refused = answer(920_002, 2);
        PendingDocument good2 = answer(920_003, 3);
        BulkDocumentWriter writer = writer(models -> {
            if (contains(models, refused)) {
                throw new BsonMaximumSizeExceededException("Payload document size is larger than maximum of 16793600.");
            }
            return BulkWriteResult.acknowledged(models.size(), 0, 0, 0, List.of(), List.of());
        });

        StoreResult result = writer.write(List.of(good1, refused, good2));

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.version()).isSameAs(refused);
            assertThat(r.reason())
                    .isEqualTo("MongoDB cannot store the document (BsonMaximumSizeExceededException): Payload document"
                            + " size is larger than maximum of 16793600.");
        });
        assertThat(result.written()).isEqualTo(2);
        // The batch once, then each document on its own.
        assertThat(calls).hasSize(4);
    }

    @Test
    void mongoUnavailableEndsTheWriteSoTheBatchIsRetried() {
        MongoSocketReadException down = new MongoSocketReadException("connection reset", new ServerAddress());
        BulkDocumentWriter writer = writer(models -> {
            throw down;
        });

        assertThatThrownBy(() -> writer.write(List.of(answer(920_011, 1), answer(920_012, 2))))
                .isSameAs(down);
        assertThat(calls).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private BulkDocumentWriter writer(Function<List<WriteModel<RawBsonDocument>>, BulkWriteResult> bulkWrite) {
        MongoCollection<RawBsonDocument> collection = mock(MongoCollection.class);
        when(collection.bulkWrite(anyList(), any(BulkWriteOptions.class))).thenAnswer(call -> {
            List<WriteModel<RawBsonDocument>> models = call.getArgument(0);
            calls.add(List.copyOf(models));
            return bulkWrite.apply(models);
        });
        MongoDatabase database = mock(MongoDatabase.class);
        when(database.getCollection(eq("answers_export"), eq(RawBsonDocument.class)))
                .thenReturn(collection);
        return new BulkDocumentWriter(database, new SimpleMeterRegistry());
    }

    private static boolean contains(List<WriteModel<RawBsonDocument>> models, PendingDocument version) {
        return models.stream()
                .anyMatch(m -> m instanceof InsertOneModel<RawBsonDocument> insert
                        && insert.getDocument() == version.document());
    }

    private static PendingDocument answer(long id, long offset) {
        return DocumentMapper.toPending(
                WriterFixture.decoded(WriterFixture.answer("run-t", id, T1, "c" + id)),
                PeakonCollection.ANSWERS_EXPORT,
                0,
                offset,
                null);
    }
}
