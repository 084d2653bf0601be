package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The foundation's acceptance for the database the writer is given: an upsert lands (twice on one id: one
 * document), and a unique index is honoured (a second id with the same value is refused as a duplicate key).
 */
@WriterIntegrationTest({"peakon.writer.topic-prefix=it-sd.", "peakon.writer.auto-startup=false"})
class UniqueIndexIT {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    @Autowired
    MongoDatabase mongo;

    @Test
    void upsertLandsAndUniqueIndexIsHonoured() {
        MongoCollection<Document> probe = mongo.getCollection("unique_index_probe");
        probe.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        probe.updateOne(Filters.eq("_id", 1), Updates.set("email", "a@example.com"), UPSERT);
        probe.updateOne(Filters.eq("_id", 1), Updates.set("name", "A"), UPSERT);

        assertThat(probe.find(Filters.eq("_id", 1)).first())
                .containsEntry("email", "a@example.com")
                .containsEntry("name", "A");
        assertThat(probe.countDocuments()).isEqualTo(1);

        assertThatThrownBy(() -> probe.updateOne(Filters.eq("_id", 2), Updates.set("email", "a@example.com"), UPSERT))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(probe.countDocuments()).isEqualTo(1);
    }
}
