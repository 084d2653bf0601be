package org.peakoningest.writer.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that writes data documents: one unordered {@code bulkWrite} per collection per batch.
 *
 * <p>Within a batch only the newest version per {@code _id} is written (an unordered bulk with a repeated
 * {@code _id} may apply them in any order). The stored versions are read first (one indexed {@code $in}); versions
 * that are not newer count as stale and are not written (see {@link NeverRegressReplace}). Errors of a document of
 * its own are returned as rejections, and anything that says Mongo itself is unavailable (network,
 * timeouts, elections, write concern) is thrown so the caller retries the whole batch without committing.
 */
@Component
public class BulkDocumentWriter {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /**
     * Server error codes that mean "try again later", never "this document is bad". 11000 is among them: an insert
     * that races another writer's insert of the same new document was not compared with it, so the
     * batch is retried and compares then.
     */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 50, 64, 89, 91, 112, 189, 262, 9001, 10107,
            11000, 11600, 11602, 13435, 13436);

    private final MongoTemplate mongo;
    private final WriteModelStrategy strategy = new NeverRegressReplace();
    private final MeterRegistry meters;

    public BulkDocumentWriter(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    public StoreResult write(List<PendingDocument> versions) {
        Map<PeakonCollection, Map<Object, PendingDocument>> newest = new EnumMap<>(PeakonCollection.class);
        Map<PeakonCollection, Integer> supersededInBatch = new EnumMap<>(PeakonCollection.class);
        for (PendingDocument version : versions) {
            Map<Object, PendingDocument> byId = newest.computeIfAbsent(version.collection(),
                    c -> new LinkedHashMap<>());
            PendingDocument previous = byId.get(version.id());
            if (previous == null) {
                byId.put(version.id(), version);
                continue;
            }
            supersededInBatch.merge(version.collection(), 1, Integer::sum);
            if (PendingDocument.VERSION_ORDER.compare(version, previous) > 0) {
                byId.put(version.id(), version);
            }
        }
        Map<PeakonCollection, StoreResult.Outcome> outcomes = new EnumMap<>(PeakonCollection.class);
        List<StoreResult.Rejection> rejected = new ArrayList<>();
        for (Map.Entry<PeakonCollection, Map<Object, PendingDocument>> entry : newest.entrySet()) {
            List<PendingDocument> batch = List.copyOf(entry.getValue().values());
            int stale = supersededInBatch.getOrDefault(entry.getKey(), 0);
            outcomes.put(entry.getKey(), writeCollection(entry.getKey(), batch, stale, rejected));
        }
        return new StoreResult(outcomes, rejected);
    }

    private StoreResult.Outcome writeCollection(PeakonCollection collection, List<PendingDocument> batch,
                                                int supersededInBatch, List<StoreResult.Rejection> rejected) {
        MongoCollection<Document> target = mongo.getCollection(collection.collectionName());
        Timer.Sample sample = Timer.start(meters);
        try {
            Map<Object, StoredVersion> stored = storedVersions(target, batch);
            List<PendingDocument> newer = new ArrayList<>(batch.size());
            List<WriteModel<Document>> models = new ArrayList<>(batch.size());
            for (PendingDocument version : batch) {
                StoredVersion current = stored.get(version.id());
                if (strategy.isNewer(version, current)) {
                    newer.add(version);
                    models.add(strategy.model(version, current));
                }
            }
            int notNewer = batch.size() - newer.size();
            if (models.isEmpty()) {
                return new StoreResult.Outcome(0, supersededInBatch + notNewer);
            }
            try {
                BulkWriteResult result = target.bulkWrite(models, UNORDERED);
                return outcome(result, models.size(), supersededInBatch + notNewer);
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null || e.hasErrorLabel("RetryableWriteError")) {
                    throw e;
                }
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (TRANSIENT_CODES.contains(error.getCode())) {
                        throw e;
                    }
                }
                for (BulkWriteError error : e.getWriteErrors()) {
                    rejected.add(new StoreResult.Rejection(newer.get(error.getIndex()),
                            "MongoDB refused the document (code " + error.getCode() + "): " + error.getMessage()));
                }
                return outcome(e.getWriteResult(), models.size() - e.getWriteErrors().size(),
                        supersededInBatch + notNewer);
            }
        } finally {
            sample.stop(meters.timer("peakon.writer.bulk.write", "collection", collection.collectionName()));
        }
    }

    /** The stored versions of the batch's ids, by {@code _id} (one indexed {@code $in} query). */
    private static Map<Object, StoredVersion> storedVersions(MongoCollection<Document> target,
                                                             List<PendingDocument> batch) {
        List<Object> ids = batch.stream().map(PendingDocument::id).toList();
        Map<Object, StoredVersion> stored = new java.util.HashMap<>();
        for (Document doc : target.find(Filters.in(DocumentFields.ID, ids))
                .projection(Projections.include(DocumentFields.FETCHED_AT, DocumentMapper.SOURCE))) {
            Document source = doc.get(DocumentMapper.SOURCE) instanceof Document d ? d : null;
            Long offset = source != null && source.get("offset") instanceof Number n ? n.longValue() : null;
            stored.put(doc.get(DocumentFields.ID), new StoredVersion(
                    doc.get(DocumentFields.FETCHED_AT) instanceof String s ? s : null, offset));
        }
        return stored;
    }

        private static StoreResult.Outcome outcome(BulkWriteResult result, int attempted, int stale) {
        // A conditional replace that matched nothing met a version stored meanwhile by another writer: stale too.
        int written = result.getInsertedCount() + result.getMatchedCount();
        return new StoreResult.Outcome(written, stale + Math.max(0, attempted - written));
    }
}
