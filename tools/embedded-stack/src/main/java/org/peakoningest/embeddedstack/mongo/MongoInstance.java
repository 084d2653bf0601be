package org.peakoningest.embeddedstack.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Which Mongo-wire server answers on an address: the instance id its {@code hello} reply carries
 * ({@link MongoWireServer#INSTANCE_FIELD}). A stack checks it against the id it gave the server it started before it
 * hands the URI to anyone; a {@code mongod} or another stack's server answers with none or another.
 */
public final class MongoInstance {

    private MongoInstance() {}

    /** A fresh id for a server about to start. */
    public static String newId() {
        return java.util.UUID.randomUUID().toString();
    }

    /**
     * The instance id of the server answering on {@code uri}; empty when it answers without one (not a server of this
     * launcher).
     *
     * @throws MongoException when nothing answers within the timeouts
     */
    public static Optional<String> at(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // The server has just said it listens; a loaded machine may still take seconds to answer.
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(10, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            return Optional.ofNullable(hello.getString(MongoWireServer.INSTANCE_FIELD));
        } catch (MongoCommandException noHello) {
            // It answers, but not `hello` (a plain mongo-java-server): not one this launcher started.
            return Optional.empty();
        }
    }
}
