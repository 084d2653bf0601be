package org.peakoningest.writer.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.runs.RunFields;
import org.springframework.stereotype.Component;

/**
 * The indexes users and the writer's own queries need, created at start-up (creating an existing index is a no-op):
 * answers by employee, question and answer time (what analysts query); every data collection by {@code run_id}
 * (the landed counts of {@code ingestion_runs}); runs by start time.
 */
@Component
public class DataIndexes {

    private final MongoDatabase mongo;

    public DataIndexes(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    public void ensure() {
        for (StoredIndex index : StoredIndex.all()) {
            mongo.getCollection(index.collection().collectionName())
                    .createIndex(Indexes.ascending(index.field()), new IndexOptions().name(index.field()));
        }
        mongo.getCollection(MongoCollections.INGESTION_RUNS)
                .createIndex(Indexes.descending(RunFields.STARTED_AT), new IndexOptions().name(RunFields.STARTED_AT));
    }
}
