package org.peakoningest.fetcher.cursor;

import com.mongodb.client.model.UpdateOptions;
import java.util.Date;
import java.util.OptionalLong;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and advances the incremental-crawl cursors in {@code sync_state}, as the original version kept them:
 * {@code {_id: "answers_export", last_answer_id, updated_at}} and {@code {_id: "employees", last_employee_id,
 * updated_at}}.
 */
@Component
public class CursorStore {

    private final MongoTemplate mongo;

    CursorStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public OptionalLong read(Cursor cursor) {
        Document doc = mongo.getCollection(MongoCollections.SYNC_STATE)
                .find(new Document("_id", cursor.documentId()))
                .first();
        if (doc == null || !(doc.get(cursor.field()) instanceof Number n)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n.longValue());
    }

    /**
     * Raises the cursor to {@code seen} (never lowers it). Call only once every record up to {@code seen} has been
     * acknowledged by Kafka.
     */
    public void advance(Cursor cursor, long seen) {
        // $max: a full sync that saw less than an earlier crawl never moves the cursor back.
        mongo.getCollection(MongoCollections.SYNC_STATE)
                .updateOne(
                        new Document("_id", cursor.documentId()),
                        new Document("$max", new Document(cursor.field(), seen))
                                .append("$set", new Document("updated_at", new Date())),
                        new UpdateOptions().upsert(true));
    }
}
