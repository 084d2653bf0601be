package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.WriterFixture;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document MongoDB can never store is rejected on its own (the listener dead-letters it) and the rest of its batch
 * lands: retrying it could only block its partition forever (issue #12). Through the real driver, which would refuse
 * it client-side while encoding the batch, after part of the batch went out. (Refusals the driver raises for other
 * reasons are isolated document by document: {@code BulkDocumentWriterTest}.)
 */
@WriterIntegrationTest({"peakon.writer.topic-prefix=it-refused.", "peakon.writer.auto-startup=false"})
class RefusedDocumentsIT {

    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    BulkDocumentWriter writer;

    @Autowired
    MongoDatabase mongo;

    @Test
    void aDocumentOverSixteenMegabytesIsRejectedAndTheRestOfTheBatchLands() {
        String huge = "x".repeat(17 * 1024 * 1024);
        StoreResult result = writer.write(List.of(
                answer(910_001, T1, 1, "before"), answer(910_002, T1, 2, huge), answer(910_003, T1, 3, "after")));

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.version().id()).isEqualTo(910_002);
            assertThat(r.reason())
                    .isEqualTo("the document is "
                            + r.version().document().getByteBuffer().remaining()
                            + " bytes, over MongoDB's limit of 16777216 bytes (16 MiB)");
        });
        assertThat(result.written()).isEqualTo(2);
        assertThat(stored(910_001)).isNotNull();
        assertThat(stored(910_003)).isNotNull();
        assertThat(stored(910_002)).isNull();
    }

    private Document stored(int id) {
        return mongo.getCollection("answers_export").find(Filters.eq("_id", id)).first();
    }

    private static PendingDocument answer(long id, Instant fetchedAt, long offset, String comment) {
        return answer(WriterFixture.answerItem(id, comment), id, fetchedAt, offset);
    }

    private static PendingDocument answer(ObjectNode item, long id, Instant fetchedAt, long offset) {
        return DocumentMapper.toPending(
                WriterFixture.decoded(WriterFixture.envelope(
                        "run-refused", PeakonCollection.ANSWERS_EXPORT, DocumentKey.of(id), fetchedAt, null, item)),
                PeakonCollection.ANSWERS_EXPORT,
                0,
                offset,
                null);
    }
}
