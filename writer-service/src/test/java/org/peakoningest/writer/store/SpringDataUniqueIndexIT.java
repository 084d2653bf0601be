package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peakoningest.writer.WriterIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The foundation's Spring Data acceptance: an upsert through MongoTemplate lands, a unique index is honoured. */
@WriterIntegrationTest({"peakon.writer.topic-prefix=it-sd.", "peakon.writer.auto-startup=false"})
class SpringDataUniqueIndexIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void upsertLandsAndUniqueIndexIsHonoured() {
        mongo.indexOps("spring_data_probe").createIndex(new Index("email", Sort.Direction.ASC).unique());
        mongo.upsert(
                Query.query(Criteria.where("_id").is(1)),
                new Update().set("email", "a@example.com"),
                "spring_data_probe");
        mongo.upsert(Query.query(Criteria.where("_id").is(1)), new Update().set("name", "A"), "spring_data_probe");

        Document stored = mongo.getCollection("spring_data_probe")
                .find(new Document("_id", 1))
                .first();
        assertThat(stored).containsEntry("email", "a@example.com").containsEntry("name", "A");
        assertThat(mongo.getCollection("spring_data_probe").countDocuments()).isEqualTo(1);

        assertThatThrownBy(() -> mongo.upsert(
                        Query.query(Criteria.where("_id").is(2)),
                        new Update().set("email", "a@example.com"),
                        "spring_data_probe"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(mongo.getCollection("spring_data_probe").countDocuments()).isEqualTo(1);
    }
}
