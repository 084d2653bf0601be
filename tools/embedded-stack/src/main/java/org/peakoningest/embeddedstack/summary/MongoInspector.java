package org.peakoningest.embeddedstack.summary;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.PeakonCollection;

/**
 * Read-only view of the stack's database for the launcher: which runs exist, what the writer recorded about one,
 * and how many documents each data collection holds. Never writes (the writer owns these collections).
 */
public final class MongoInspector implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;

    public MongoInspector(String uri, String databaseName) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // The driver's defaults (30 s to find the server, 10 s to connect, which is also the monitor's
                // read timeout for its heartbeat): the Mongo-wire server is busy while writers rewrite documents
                // (each conditional replace scans its collection there) and, on a loaded 2-core machine, answered a
                // fresh connection's hello only after more than 3 s; with 5 s / 3 s an ingest that was landing
                // fine was reported as "Mongo unreachable" (EndToEndIT on CI). A Mongo that really died is seen
                // by the process supervisor long before 30 s.
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(10, TimeUnit.SECONDS))
                .build();
        this.client = MongoClients.create(settings);
        this.database = client.getDatabase(databaseName);
    }

    /** Ids of the runs recorded so far; taken before an ingest to recognise the new run afterwards. */
    public Set<String> runIds() {
        Set<String> ids = new HashSet<>();
        database.getCollection(MongoCollections.INGESTION_RUNS)
                .find()
                .projection(new Document("_id", 1))
                .forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }

    /** The run recorded after {@code before} was taken, if the writer has created its document yet. */
    public Optional<RunRecord> newRun(Set<String> before) {
        Optional<RunRecord> newest = Optional.empty();
        for (Document doc :
                database.getCollection(MongoCollections.INGESTION_RUNS).find()) {
            if (!before.contains(String.valueOf(doc.get("_id")))) {
                RunRecord record = RunRecord.from(doc);
                // Several new runs only happen if someone else ingests into the same database; prefer a decided one.
                if (newest.isEmpty() || record.landingDecided()) {
                    newest = Optional.of(record);
                }
            }
        }
        return newest;
    }

    /** Documents per data collection, in {@link PeakonCollection} order. */
    public Map<String, Long> documentCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            counts.put(
                    collection.collectionName(),
                    database.getCollection(collection.collectionName()).countDocuments());
        }
        return counts;
    }

    @Override
    public void close() {
        client.close();
    }
}
