package org.peakoningest.writer.runs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.peakoningest.common.MongoCollections;
import org.peakoningest.common.erasure.ErasureRecord;
import org.springframework.stereotype.Component;

/**
 * The erasures topic's accounting in MongoDB ({@code erasures}): per erased person (the hash, never an id), which
 * runs' documents their erasures deleted. An erased document no longer carries its run id, so without this a run
 * whose documents were erased falls short of its {@code distinct_keys}: its landing would go back to
 * {@code pending} and it would stop judging departures, live; a rebuild, whose topics hold only tombstones for those
 * keys, would decide the same run differently again. With it, such documents count as landed for their run.
 *
 * <p>Each person's document is the latest record of their key, replaced whole: the record carries the whole history
 * (the fetcher merges earlier erasures into it, and a lift keeps it), so the collection always equals the compacted
 * topic, live and rebuilt alike. Records of one key are on one partition and arrive in order; a redelivery replays
 * them in order too.
 */
@Component
public class ErasureLedger {

    static final String ERASED_AT = "erased_at";
    static final String LIFTED_AT = "lifted_at";
    static final String ERASED_BY_RUN = "erased_by_run";
    static final String RUN_ID = "run_id";
    static final String COLLECTION = "collection";
    static final String DOCUMENTS = "documents";

    private final MongoDatabase mongo;

    ErasureLedger(MongoDatabase mongo) {
        this.mongo = mongo;
    }

    /** Records the erasures of a batch, each replacing what was known of its person. */
    public void record(List<ErasureRecord> erasures) {
        for (ErasureRecord erasure : erasures) {
            // A list, not a map keyed by run id: run ids are not field names MongoDB accepts in every form.
            List<Document> byRun = new ArrayList<>();
            erasure.erasedByRun()
                    .forEach((run, byCollection) ->
                            byCollection.forEach((collection, n) -> byRun.add(new Document(RUN_ID, run)
                                    .append(COLLECTION, collection)
                                    .append(DOCUMENTS, n))));
            Document person = new Document("_id", erasure.employeeHash())
                    .append(ERASED_AT, erasure.erasedAt())
                    .append(LIFTED_AT, erasure.liftedAt())
                    .append(ERASED_BY_RUN, byRun);
            collection()
                    .replaceOne(Filters.eq("_id", erasure.employeeHash()), person, new ReplaceOptions().upsert(true));
        }
    }

    /** Per run id and collection, the documents of that run erasures deleted, summed over every person. */
    Map<String, Map<String, Long>> erasedByRun() {
        Map<String, Map<String, Long>> erased = new HashMap<>();
        for (Document person : collection().find()) {
            for (Document entry : person.getList(ERASED_BY_RUN, Document.class, List.of())) {
                if (entry.get(RUN_ID) instanceof String run
                        && entry.get(COLLECTION) instanceof String collection
                        && entry.get(DOCUMENTS) instanceof Number n) {
                    erased.computeIfAbsent(run, r -> new HashMap<>()).merge(collection, n.longValue(), Long::sum);
                }
            }
        }
        return erased;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(MongoCollections.ERASURES);
    }
}
