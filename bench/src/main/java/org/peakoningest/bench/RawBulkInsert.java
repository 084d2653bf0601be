package org.peakoningest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKeys;
import tools.jackson.databind.JsonNode;

/**
 * Measurement 2, the limit of the writer on this Mongo: the documents the writer would store (docs/writer.md:
 * the raw item, {@code _id} = the contract key, {@code fetched_at}, {@code run_id}, {@code endpoint},
 * {@code source_url}, {@code driver_id}, {@code _source}), inserted with plain unordered {@code insertMany} in
 * batches of the writer's batch size, by as many parallel inserters as the writers have consumer threads
 * (writers x WRITER_CONCURRENCY), into collections with the writer's indexes (DataIndexes: {@code run_id} everywhere,
 * three answer fields).
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

    static Result run(SimulatedPeakon peakon, MongoClient mongo, String database, int perPage, int batchSize,
                      int threads, JsonNode expected) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return run(peakon, mongo, database, perPage, batchSize, pool, expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result run(SimulatedPeakon peakon, MongoClient mongo, String database, int perPage,
                              int batchSize, ExecutorService pool, JsonNode expected) throws InterruptedException {
        long wallStart = System.nanoTime();
        MongoDatabase db = mongo.getDatabase(database);
        createWriterIndexes(db);
        String bearer = peakon.bearerToken(BenchMain.APP_TOKEN);
        String runId = UUID.randomUUID().toString();
        Map<PeakonCollection, Long> inserted = new EnumMap<>(PeakonCollection.class);
        long insertNanos = 0;
        long offset = 0;
        for (SimulatedPeakon.Endpoint endpoint : peakon.crawlEndpoints(perPage, expected)) {
            MongoCollection<Document> target = db.getCollection(endpoint.collection().collectionName());
            URI next = endpoint.first();
            while (next != null) {
                JsonNode page;
                try (InputStream body = peakon.open(next, bearer)) {
                    page = ContractJson.mapper().readTree(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String fetchedAt = Timestamps.format(Instant.now());
                List<Document> documents = new ArrayList<>(page.path("data").size());
                for (JsonNode item : page.path("data")) {
                    documents.add(document(endpoint, item, next, runId, fetchedAt, offset++));
                }
                JsonNode link = page.path("links").path("next");
                URI following = link.isString() && !link.stringValue().isBlank() ? URI.create(link.stringValue())
                        : null;
                page = null; // let the tree go before the timed inserts
                // The page's batches go to as many parallel inserters as the writers have consumer threads.
                List<Callable<Void>> batches = new ArrayList<>();
                for (int from = 0; from < documents.size(); from += batchSize) {
                    List<Document> batch = documents.subList(from, Math.min(documents.size(), from + batchSize));
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

    /** The writer's stored shape (writer-service DocumentMapper + JsonToBson), built with the same rules. */
    static Document document(SimulatedPeakon.Endpoint endpoint, JsonNode item, URI sourceUrl, String runId,
                             String fetchedAt, long offset) {
        Object id = DocumentKeys.keyOf(endpoint.collection(), item, endpoint.context()).mongoValue();
        Document document = new Document(DocumentFields.ID, id);
        for (Map.Entry<String, JsonNode> member : item.properties()) {
            document.append(member.getKey(), value(member.getValue()));
        }
        document.put(DocumentFields.ID, id);
        document.put(DocumentFields.FETCHED_AT, fetchedAt);
        document.put(DocumentFields.RUN_ID, runId);
        document.put(DocumentFields.ENDPOINT, endpoint.path());
        document.put(DocumentFields.SOURCE_URL, sourceUrl.toString());
        if (endpoint.collection() == PeakonCollection.SCORES_BY_DRIVER) {
            document.put(DocumentFields.DRIVER_ID, endpoint.driverId());
        }
        document.put("_source", new Document("partition", (int) (offset % 6)).append("offset", offset));
        return document;
    }

    /** JSON → BSON values as the writer maps them: int32 if it fits, else int64, fractions as double. */
    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Document document = new Document();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                document.append(member.getKey(), value(member.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            return new Decimal128(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }

    /** The indexes the writer creates at start-up (writer-service DataIndexes). */
    static void createWriterIndexes(MongoDatabase db) {
        for (PeakonCollection collection : PeakonCollection.values()) {
            db.getCollection(collection.collectionName()).createIndex(Indexes.ascending(DocumentFields.RUN_ID),
                    new IndexOptions().name(DocumentFields.RUN_ID));
        }
        for (String field : List.of("attributes.employeeId", "attributes.questionId",
                "attributes.responseAnsweredAt")) {
            db.getCollection(PeakonCollection.ANSWERS_EXPORT.collectionName()).createIndex(Indexes.ascending(field),
                    new IndexOptions().name(field));
        }
    }

    private RawBulkInsert() {
    }
}
