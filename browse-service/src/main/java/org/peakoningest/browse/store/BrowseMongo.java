package org.peakoningest.browse.store;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's only door to MongoDB: read access to the writer's collections, by contract name. Nothing here
 * writes or creates indexes (the writer owns every collection; see docs/browse.md for indexes that help).
 * Reads prefer secondaries when the deployment has them: the browse views tolerate slightly stale data.
 */
@Component
public class BrowseMongo {

    private final MongoDatabase database;

    BrowseMongo(MongoClient client, @Value("${spring.mongodb.database:peakon}") String databaseName) {
        this.database = client.getDatabase(databaseName).withReadPreference(ReadPreference.secondaryPreferred());
    }

    public MongoCollection<Document> data(PeakonCollection collection) {
        return database.getCollection(collection.collectionName());
    }

    public MongoCollection<Document> ingestionRuns() {
        return database.getCollection(MongoCollections.INGESTION_RUNS);
    }
}
