package org.peakoningest.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.RawBsonDocument;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.EnvelopeCodec;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.writer.store.DecodedEnvelope;
import org.peakoningest.writer.store.DocumentMapper;
import org.peakoningest.writer.store.EnvelopeDeserializer;
import org.peakoningest.writer.store.StoredIndex;
import tools.jackson.databind.JsonNode;

/**
 * Measurement 2, the limit of the writer on this Mongo: the documents the writer would store (built by the writer's
 * own code, from writer-service's plain jar: the raw item, {@code _id} = the contract key, {@code fetched_at},
 * {@code run_id}, {@code endpoint}, {@code source_url}, {@code driver_id}, {@code _source}), inserted with plain
 * unordered {@code insertMany} in batches of the writer's batch size, by as many parallel inserters as the writers
 * have consumer threads (writers x WRITER_CONCURRENCY), into collections with the writer's indexes
 * ({@link StoredIndex}).
 *
 * <p>Only the insertMany calls are timed. Pages are fetched and converted to documents between them (one page at a
 * time, so memory stays bounded), which is work the writer also does but is not the Mongo limit being measured.
 */
final class RawBulkInsert {

    record Result(Map<PeakonCollection, Long> inserted, double insertSeconds, double wallSeconds) {
        long total() {
            return inserted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
    private static final EnvelopeDeserializer READER = new EnvelopeDeserializer();

    static Result run(
            SimulatedPeakon peakon,
            MongoClient mongo,
            String database,
            int perPage,
            int batchSize,
            int threads,
            JsonNode expected)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return run(peakon, mongo, database, perPage, batchSize, pool, expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result run(
            SimulatedPeakon peakon,
            MongoClient mongo,
            String database,
            int perPage,
            int batchSize,
            ExecutorService pool,
            JsonNode expected)
            throws InterruptedException {
        long wallStart = System.nanoTime();
        MongoDatabase db = mongo.getDatabase(database);
        createWriterIndexes(db);
        String bearer = peakon.bearerToken(BenchMain.APP_TOKEN);
        String runId = UUID.randomUUID().toString();
        Map<PeakonCollection, Long> inserted = new EnumMap<>(PeakonCollection.class);
        long insertNanos = 0;
        long offset = 0;
        for (SimulatedPeakon.Endpoint endpoint : peakon.crawlEndpoints(perPage, expected)) {
            MongoCollection<RawBsonDocument> target =
                    db.getCollection(endpoint.collection().collectionName(), RawBsonDocument.class);
            URI next = endpoint.first();
            while (next != null) {
                JsonNode page;
                try (InputStream body = peakon.open(next, bearer)) {
                    page = ContractJson.mapper().readTree(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                EnvelopeCodec.Encoder envelopes = EnvelopeCodec.encoder(
                        runId,
                        endpoint.collection(),
                        endpoint.path(),
                        next.toString(),
                        Instant.now(),
                        endpoint.driverId());
                List<RawBsonDocument> documents =
                        new ArrayList<>(page.path("data").size());
                for (JsonNode item : page.path("data")) {
                    documents.add(document(endpoint, envelopes, item, offset++));
                }
                JsonNode link = page.path("links").path("next");
                URI following =
                        link.isString() && !link.stringValue().isBlank() ? URI.create(link.stringValue()) : null;
                page = null; // let the tree go before the timed inserts
                // The page's batches go to as many parallel inserters as the writers have consumer threads.
                List<Callable<Void>> batches = new ArrayList<>();
                for (int from = 0; from < documents.size(); from += batchSize) {
                    List<RawBsonDocument> batch = documents.subList(from, Math.min(documents.size(), from + batchSize));
                    batches.add(() -> {
                        target.insertMany(batch, UNORDERED);
                        return null;
                    });
                }
                long t = System.nanoTime();
                for (Future<Void> done : pool.invokeAll(batches)) {
                    try {
                        done.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("insertMany failed", e.getCause());
                    }
                }
                insertNanos += System.nanoTime() - t;
                inserted.merge(endpoint.collection(), (long) documents.size(), Long::sum);
                next = documents.isEmpty() ? null : following;
            }
        }
        return new Result(inserted, insertNanos / 1e9, (System.nanoTime() - wallStart) / 1e9);
    }

    /**
     * The writer's stored document of an item, built the way the writer builds it: the envelope bytes the fetcher
     * would publish ({@link EnvelopeCodec}, one encoder per page), read by the writer's deserializer, turned into
     * the writer's document ({@link DocumentMapper}). So (2) inserts the same bytes the writer stores.
     */
    static RawBsonDocument document(
            SimulatedPeakon.Endpoint endpoint, EnvelopeCodec.Encoder envelopes, JsonNode item, long offset) {
        PeakonCollection collection = endpoint.collection();
        byte[] envelope = envelopes.encode(
                DocumentKeys.keyOf(collection, item, endpoint.context()), generator -> generator.writeTree(item));
        DecodedEnvelope decoded = READER.deserialize(collection.collectionName(), envelope);
        return DocumentMapper.toPending(decoded, collection, (int) (offset % 6), offset, null)
                .document();
    }

    /** The indexes the writer creates at start-up ({@link StoredIndex}). */
    static void createWriterIndexes(MongoDatabase db) {
        for (StoredIndex index : StoredIndex.all()) {
            db.getCollection(index.collection().collectionName())
                    .createIndex(Indexes.ascending(index.field()), new IndexOptions().name(index.field()));
        }
    }

    private RawBulkInsert() {}
}
