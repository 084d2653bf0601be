package org.peakoningest.writer.store;

import java.util.ArrayList;
import java.util.List;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;

/**
 * One index of the data collections, single-field ascending and named after the field: every collection by
 * {@code run_id} (the writer's landed counts of {@code ingestion_runs}), answers by employee, question and answer
 * time (what analysts query). {@link DataIndexes} creates them at start-up; the bench's raw-insert baseline creates
 * the same ones.
 */
public record StoredIndex(PeakonCollection collection, String field) {

    private static final List<String> ANSWER_FIELDS = List.of(
            "attributes.employeeId", "attributes.questionId", "attributes.responseAnsweredAt");

    public static List<StoredIndex> all() {
        List<StoredIndex> all = new ArrayList<>();
        for (PeakonCollection collection : PeakonCollection.values()) {
            all.add(new StoredIndex(collection, DocumentFields.RUN_ID));
        }
        for (String field : ANSWER_FIELDS) {
            all.add(new StoredIndex(PeakonCollection.ANSWERS_EXPORT, field));
        }
        return List.copyOf(all);
    }
}
