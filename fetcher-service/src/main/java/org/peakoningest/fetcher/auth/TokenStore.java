package org.peakoningest.fetcher.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The bearer-token cache in {@code auth_tokens}: {@code _id} {@code "{base_url}::application"},
 * {@code bearer_token}, {@code obtained_at}. Owned by the fetcher.
 */
class TokenStore {

    private final MongoTemplate mongo;
    private final String id;

    TokenStore(MongoTemplate mongo, String baseUrl) {
        this.mongo = mongo;
        this.id = baseUrl + "::application";
    }

    Optional<String> load() {
        Document doc = collection().find(new Document("_id", id)).first();
        return Optional.ofNullable(doc).map(d -> d.getString("bearer_token")).filter(t -> !t.isBlank());
    }

    void save(String bearer) {
        collection().replaceOne(new Document("_id", id),
                new Document("_id", id).append("bearer_token", bearer).append("obtained_at", new Date()),
                new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(MongoCollections.AUTH_TOKENS);
    }
}
