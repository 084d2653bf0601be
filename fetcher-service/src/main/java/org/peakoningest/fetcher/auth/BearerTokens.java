package org.peakoningest.fetcher.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.fetcher.config.FetcherProperties;
import org.peakoningest.fetcher.http.PeakonHttp;
import org.peakoningest.fetcher.http.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The bearer token of a run: the cached one from {@code auth_tokens} when there is one, else a fresh one; a call
 * answered 401 asks for {@link #refresh} once. A dry run reads the cache but never writes it. The cache, owned by
 * the fetcher, is one document: {@code _id} {@code "{base_url}::application"}, {@code bearer_token},
 * {@code obtained_at}.
 */
@Component
public class BearerTokens {

    private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

    private final AuthClient client;
    private final MongoCollection<Document> cache;
    private final String cacheId;
    private final Redactor redactor;
    private volatile String current;
    /** Why authentication failed in this run, or null: the run stops crawling Peakon once it is set. */
    private volatile String failure;

    BearerTokens(PeakonHttp http, MongoTemplate mongo, FetcherProperties props, Redactor redactor) {
        this.client = new AuthClient(http, props.baseUrl(), props.appToken());
        this.cache = mongo.getCollection(MongoCollections.AUTH_TOKENS);
        this.cacheId = props.baseUrl() + "::application";
        this.redactor = redactor;
    }

    /**
     * Starts a run: the token cached in {@code auth_tokens} is the one to try first (another fetcher may have
     * renewed it since this process last looked).
     */
    public synchronized String startRun(boolean persist) {
        current = null;
        failure = null;
        return current(persist);
    }

    /**
     * The failure of an authentication in this run, also one that happened mid-crawl (a 401 whose renewal failed):
     * the collection that hit it only sees its own error, the run needs to know the cause.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The token to use now, authenticating when none is known. */
    public synchronized String current(boolean persist) {
        if (current == null) {
            Document doc = cache.find(new Document("_id", cacheId)).first();
            String cached = doc == null ? null : doc.getString("bearer_token");
            if (cached != null && !cached.isBlank()) {
                current = cached;
                redactor.remember(current);
                log.info("using the cached bearer token from auth_tokens");
            } else {
                current = obtain(persist);
            }
        }
        return current;
    }

    /**
     * A new token after {@code rejected} was answered 401. When another call already replaced it, that newer token
     * is returned without authenticating again.
     */
    public synchronized String refresh(String rejected, boolean persist) {
        if (current != null && !current.equals(rejected)) {
            return current;
        }
        log.info("bearer token rejected (HTTP 401); authenticating again");
        current = obtain(persist);
        return current;
    }

    private String obtain(boolean persist) {
        String token;
        try {
            token = client.authenticate();
        } catch (AuthenticationException e) {
            failure = e.getMessage();
            throw e;
        }
        redactor.remember(token);
        if (persist) {
            cache.replaceOne(
                    new Document("_id", cacheId),
                    new Document("_id", cacheId).append("bearer_token", token).append("obtained_at", new Date()),
                    new ReplaceOptions().upsert(true));
        }
        log.info("authenticated with Peakon");
        return token;
    }
}
