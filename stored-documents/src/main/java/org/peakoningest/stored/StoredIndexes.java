package org.peakoningest.stored;

import java.util.ArrayList;
import java.util.List;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;

/**
 * The indexes of the data collections: every collection by {@code run_id} (the writer's landed counts of
 * {@code ingestion_runs}), answers by employee, question and answer time (what analysts query). Ascending, named
 * after the field. The writer creates them at start-up; the bench's raw-insert baseline creates the same ones.
 */
public final class StoredIndexes {

    /** One single-field ascending index. */
    public record Index(PeakonCollection collection, String field) {
    }

    static final List<String> ANSWER_FIELDS = List.of(
            "attributes.employeeId", "attributes.questionId", "attributes.responseAnsweredAt");

    private StoredIndexes() {
    }

    public static List<Index> all() {
        List<Index> all = new ArrayList<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            all.add(new Index(collection, DocumentFields.RUN_ID));
        }
        for (String field : ANSWER_FIELDS) {
            all.add(new Index(PeakonCollection.ANSWERS_EXPORT, field));
        }
        return List.copyOf(all);
    }
}
