package org.peakoningest.writer.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;

/**
 * One index of the data collections, single-field ascending and named after the field: every collection by
 * {@code run_id} (the writer's landed counts of {@code ingestion_runs}), answers by employee, question and answer
 * time (what analysts query). {@link DataIndexes} creates them at start-up; the bench's raw-insert baseline creates
 * the same ones.
 */
public record StoredIndex(PeakonCollection collection, String field) {

    private static final List<String> ANSWER_FIELDS =
            List.of("attributes.employeeId", "attributes.questionId", "attributes.responseAnsweredAt");

    public static List<StoredIndex> all() {
        return Stream.concat(
                        Arrays.stream(PeakonCollection.values()).map(c -> new StoredIndex(c, DocumentFields.RUN_ID)),
                        ANSWER_FIELDS.stream().map(field -> new StoredIndex(PeakonCollection.ANSWERS_EXPORT, field)))
                .toList();
    }
}
