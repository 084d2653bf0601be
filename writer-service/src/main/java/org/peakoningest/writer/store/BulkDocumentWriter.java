package org.peakoningest.writer.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.springframework.stereotype.Component;

/**
 * The one place that writes data documents: unordered {@code bulkWrite}s per collection per batch.
 *
 * <p>Within a batch only the newest version per {@code _id} is written ({@link BatchVersions}). Then, per collection,
 * one of two paths:
 * <ul>
 *   <li><b>insert first</b> (a first crawl, a replay into an empty database, new answers): every version is
 *       inserted; the ones MongoDB answers E11000 for (the {@code _id} is stored already) take the compare path
 *       below. No read is needed for documents that are new, which is most of them in these cases;</li>
 *   <li><b>compare first</b> (a re-crawl of stored documents): the stored versions are read (one indexed
 *       {@code $in}), versions that are not newer count as stale and are not written, and the rest are written
 *       with {@link NeverRegressReplace}'s atomic re-check.</li>
 * </ul>
 * The path of a collection's next batch follows its last batch: compare first when more than half of it was stored
 * already. Both paths store the same documents; only the number of round trips differs.
 *
 * <p>Tombstones are applied first: each deletes its document unless that was stored from a later record
 * ({@link NeverRegressReplace#delete}), and versions of its key from earlier records of the batch are dropped as stale.
 * The result also names the keys whose last record is not the version stored ({@link StoreResult#shadowed()}).
 *
 * <p>Errors of a document of its own are returned as rejections (also the ones that end a whole write, see
 * {@link MongoErrors}), and anything that says Mongo itself is unavailable (network, timeouts, elections, write
 * concern) is thrown so the caller retries the whole batch without committing.
 */
@Component
public class BulkDocumentWriter {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;
    /** The largest document MongoDB stores (its {@code maxBsonObjectSize}, the same on every server version). */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    /**
     * Server error codes that mean "try again later", never "this document is bad". 11000 is among them for the
     * compare path: an insert that races another writer's insert of the same new document was not compared with
     * it, so the batch is retried and compares then.
     */
    private static final Set<Integer> TRANSIENT_CODES =
            Set.of(6, 7, 50, 64, 89, 91, 112, 189, 262, 9001, 10107, DUPLICATE_KEY, 11600, 11602, 13435, 13436);

    private final MongoDatabase mongo;
    private final NeverRegressReplace strategy = new NeverRegressReplace();
    private final MeterRegistry meters;
    /** Per collection: whether its last batch was mostly stored already (then the next one compares first). */
    private final Map<PeakonCollection, Boolean> compareFirst = new ConcurrentHashMap<>();

    public BulkDocumentWriter(MongoDatabase mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** {@link #write(List, List)} without tombstones. */
    public StoreResult write(List<PendingDocument> versions) {
        return write(versions, List.of());
    }

    /**
     * Applies a batch: first the tombstones (a version of the same key from an earlier record of the batch is
     * dropped as stale, the stored one deleted unless it comes from a later record), then the versions.
     *
     * @param tombstones records with a null value of the batch, at most the last one per key
     */
    public StoreResult write(List<PendingDocument> versions, List<KeyPosition> tombstones) {
        Map<PeakonCollection, Map<Object, Long>> deletedAt = new EnumMap<>(PeakonCollection.class);
        tombstones.forEach(t ->
                deletedAt.computeIfAbsent(t.collection(), c -> new HashMap<>()).merge(t.id(), t.offset(), Math::max));
        BatchVersions batch = new BatchVersions();
        List<StoreResult.Rejection> rejected = new ArrayList<>();
        for (PendingDocument version : versions) {
            Long tombstone = deletedAt.isEmpty()
                    ? null
                    : deletedAt.getOrDefault(version.collection(), Map.of()).get(version.id());
            int size = version.document().getByteBuffer().remaining();
            if (tombstone != null && tombstone > version.offset()) {
                batch.counted(version.collection());
            } else if (size > MAX_DOCUMENT_BYTES) {
                // Known before sending: the driver would refuse it while encoding, after part of the batch went out.
                rejected.add(new StoreResult.Rejection(
                        version,
                        "the document is " + size + " bytes, over MongoDB's limit of " + MAX_DOCUMENT_BYTES
                                + " bytes (16 MiB)"));
            } else {
                batch.add(version);
            }
        }
        Map<PeakonCollection, Integer> deleted = new EnumMap<>(PeakonCollection.class);
        deletedAt.forEach((collection, byId) -> deleted.put(collection, delete(collection, byId)));
        List<KeyPosition> shadowed = new ArrayList<>();
        Map<PeakonCollection, List<PendingDocument>> newest = batch.newest();
        Map<PeakonCollection, StoreResult.Outcome> outcomes = new EnumMap<>(PeakonCollection.class);
        for (PeakonCollection collection : batch.collections()) {
            List<PendingDocument> written = newest.getOrDefault(collection, List.of());
            StoreResult.Outcome outcome = written.isEmpty()
                    ? new StoreResult.Outcome(0, 0)
                    : writeCollection(collection, written, rejected, shadowed);
            // A version superseded by a newer one of the same batch (or by a tombstone) is stale too.
            outcomes.put(
                    collection,
                    new StoreResult.Outcome(outcome.written(), outcome.stale() + batch.superseded(collection)));
            shadowed.addAll(batch.laterThanTheNewest(collection));
        }
        return new StoreResult(outcomes, rejected, deleted, shadowed);
    }

    /** Deletes the documents of {@code collection} whose tombstones (id → offset) came after their stored record. */
    private int delete(PeakonCollection collection, Map<Object, Long> tombstones) {
        List<WriteModel<RawBsonDocument>> deletes = tombstones.entrySet().stream()
                .<WriteModel<RawBsonDocument>>map(
                        t -> strategy.delete(new KeyPosition(collection, t.getKey(), 0, t.getValue())))
                .toList();
        // No document can refuse its own deletion: any failure is Mongo's, and the batch is retried.
        return mongo.getCollection(collection.collectionName(), RawBsonDocument.class)
                .bulkWrite(deletes, UNORDERED)
                .getDeletedCount();
    }

    private static KeyPosition position(PendingDocument version) {
        return new KeyPosition(version.collection(), version.id(), version.partition(), version.offset());
    }

    /**
     * Writes one collection's part of the batch. When the write fails because of one document (the driver refuses to
     * encode it, e.g. over 16 MB; see {@link MongoErrors}), the failure does not say which one: the versions are
     * then written one by one, so that only the refused one is rejected and the rest land. (Versions a failed
     * attempt had already written are found stored then and count as stale, not written.)
     */
    private StoreResult.Outcome writeCollection(
            PeakonCollection collection,
            List<PendingDocument> batch,
            List<StoreResult.Rejection> rejected,
            List<KeyPosition> shadowed) {
        int rejectedBefore = rejected.size();
        int shadowedBefore = shadowed.size();
        try {
            return writeOnce(collection, batch, rejected, shadowed);
        } catch (RuntimeException e) {
            if (!MongoErrors.refusesADocument(e)) {
                throw e;
            }
            rejected.subList(rejectedBefore, rejected.size()).clear();
            shadowed.subList(shadowedBefore, shadowed.size()).clear();
            if (batch.size() == 1) {
                rejected.add(new StoreResult.Rejection(batch.get(0), MongoErrors.reason(e)));
                return new StoreResult.Outcome(0, 0);
            }
            int written = 0;
            int stale = 0;
            for (PendingDocument version : batch) {
                StoreResult.Outcome one = writeCollection(collection, List.of(version), rejected, shadowed);
                written += one.written();
                stale += one.stale();
            }
            return new StoreResult.Outcome(written, stale);
        }
    }

    private StoreResult.Outcome writeOnce(
            PeakonCollection collection,
            List<PendingDocument> batch,
            List<StoreResult.Rejection> rejected,
            List<KeyPosition> shadowed) {
        MongoCollection<RawBsonDocument> target =
                mongo.getCollection(collection.collectionName(), RawBsonDocument.class);
        Timer.Sample sample = Timer.start(meters);
        try {
            boolean insertFirst = !compareFirst.getOrDefault(collection, false);
            List<PendingDocument> toCompare = insertFirst ? new ArrayList<>() : batch;
            int inserted = insertFirst ? insert(target, batch, toCompare, rejected) : 0;
            Map<Object, StoredVersion> stored = toCompare.isEmpty() ? Map.of() : storedVersions(target, toCompare);
            // Compare first next time when most of this batch was stored already; back to inserting first once most
            // of a batch is new (e.g. new answers after a re-crawl).
            compareFirst.put(collection, (insertFirst ? toCompare.size() : stored.size()) * 2 > batch.size());
            StoreResult.Outcome compared = writeNewer(target, toCompare, stored, rejected, shadowed);
            return new StoreResult.Outcome(inserted + compared.written(), compared.stale());
        } finally {
            sample.stop(meters.timer("peakon.writer.bulk.write", "collection", collection.collectionName()));
        }
    }

    /**
     * Inserts every version; adds the ones whose {@code _id} is stored already to {@code stored}.
     *
     * @return versions inserted
     */
    private static int insert(
            MongoCollection<RawBsonDocument> target,
            List<PendingDocument> batch,
            List<PendingDocument> stored,
            List<StoreResult.Rejection> rejected) {
        List<WriteModel<RawBsonDocument>> inserts = batch.stream()
                .<WriteModel<RawBsonDocument>>map(version -> new InsertOneModel<>(version.document()))
                .toList();
        try {
            return target.bulkWrite(inserts, UNORDERED).getInsertedCount();
        } catch (MongoBulkWriteException e) {
            throwIfUnavailable(e, code -> code != DUPLICATE_KEY && TRANSIENT_CODES.contains(code));
            for (BulkWriteError error : e.getWriteErrors()) {
                PendingDocument version = batch.get(error.getIndex());
                if (error.getCode() == DUPLICATE_KEY) {
                    stored.add(version);
                } else {
                    rejected.add(rejection(version, error));
                }
            }
            // Every insert of an unordered bulk is attempted: each one either failed or was inserted. (Counted,
            // not read from the write result: mongo-java-server's n includes the failed inserts.)
            return batch.size() - e.getWriteErrors().size();
        }
    }

    /**
     * Writes only the versions newer than the stored ones, each re-checked atomically. A version that is not newer
     * but comes from a later record than the stored one is {@code shadowed}: compaction would keep it.
     */
    private StoreResult.Outcome writeNewer(
            MongoCollection<RawBsonDocument> target,
            List<PendingDocument> batch,
            Map<Object, StoredVersion> stored,
            List<StoreResult.Rejection> rejected,
            List<KeyPosition> shadowed) {
        List<PendingDocument> newer = new ArrayList<>(batch.size());
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>(batch.size());
        for (PendingDocument version : batch) {
            StoredVersion current = stored.get(version.id());
            if (strategy.isNewer(version, current)) {
                newer.add(version);
                models.add(strategy.model(version, current));
            } else if (current.offset() != null && current.offset() < version.offset()) {
                shadowed.add(position(version));
            }
        }
        int notNewer = batch.size() - newer.size();
        if (models.isEmpty()) {
            return new StoreResult.Outcome(0, notNewer);
        }
        try {
            return outcome(target.bulkWrite(models, UNORDERED), models.size(), notNewer);
        } catch (MongoBulkWriteException e) {
            throwIfUnavailable(e, TRANSIENT_CODES::contains);
            for (BulkWriteError error : e.getWriteErrors()) {
                rejected.add(rejection(newer.get(error.getIndex()), error));
            }
            return outcome(
                    e.getWriteResult(), models.size() - e.getWriteErrors().size(), notNewer);
        }
    }

    /** Rethrows when the failure is Mongo's, not a document's: the whole batch is retried. */
    private static void throwIfUnavailable(MongoBulkWriteException e, IntPredicate transientCode) {
        if (e.getWriteConcernError() != null || e.hasErrorLabel("RetryableWriteError")) {
            throw e;
        }
        for (BulkWriteError error : e.getWriteErrors()) {
            if (transientCode.test(error.getCode())) {
                throw e;
            }
        }
    }

    private static StoreResult.Rejection rejection(PendingDocument version, BulkWriteError error) {
        return new StoreResult.Rejection(
                version, "MongoDB refused the document (code " + error.getCode() + "): " + error.getMessage());
    }

    /** The stored versions of the batch's ids, by {@code _id} (one indexed {@code $in} query). */
    private static Map<Object, StoredVersion> storedVersions(
            MongoCollection<RawBsonDocument> target, List<PendingDocument> batch) {
        List<Object> ids = batch.stream().map(PendingDocument::id).toList();
        Map<Object, StoredVersion> stored = new HashMap<>();
        for (Document doc : target.find(Filters.in(DocumentFields.ID, ids), Document.class)
                .projection(Projections.include(DocumentFields.FETCHED_AT, DocumentFields.SOURCE))) {
            Document source = doc.get(DocumentFields.SOURCE) instanceof Document d ? d : null;
            Long offset = source != null && source.get("offset") instanceof Number n ? n.longValue() : null;
            stored.put(
                    doc.get(DocumentFields.ID),
                    new StoredVersion(doc.get(DocumentFields.FETCHED_AT) instanceof String s ? s : null, offset));
        }
        return stored;
    }

    private static StoreResult.Outcome outcome(BulkWriteResult result, int attempted, int stale) {
        // A conditional replace that matched nothing met a version stored meanwhile by another writer: stale too.
        int written = result.getInsertedCount() + result.getMatchedCount();
        return new StoreResult.Outcome(written, stale + Math.max(0, attempted - written));
    }
}
