package org.peakoningest.writer.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;

/**
 * One index of the data collections, single-field ascending and named after the field: every collection by
 * {@code run_id} (the writer's landed counts of {@code ingestion_runs}), answers by employee, question and answer
 * time (what analysts query), segment scores by {@code endpoint} (it names the segment:
 * {@code /scores/contexts/segment_<id>/group/<group>}) and time, segments by their source attribute (issue #13),
 * employees by {@code fetched_at} (the departures passes, issue #14).
 * {@link DataIndexes} creates them at start-up; the bench's raw-insert baseline creates the same ones.
 */
public record StoredIndex(PeakonCollection collection, String field) {

    private static final List<String> ANSWER_FIELDS =
            List.of("attributes.employeeId", "attributes.questionId", "attributes.responseAnsweredAt");

    /** One segment's scores, and a time range over all segments (what browse queries). */
    private static final List<String> SEGMENT_SCORE_FIELDS = List.of(DocumentFields.ENDPOINT, "attributes.scores.time");

    /** The segments of one attribute (e.g. every Department option). */
    private static final List<String> SEGMENT_FIELDS = List.of("relationships.attribute.data.id");

    public static List<StoredIndex> all() {
        return Stream.of(
                        Arrays.stream(PeakonCollection.values()).map(c -> new StoredIndex(c, DocumentFields.RUN_ID)),
                        ANSWER_FIELDS.stream().map(field -> new StoredIndex(PeakonCollection.ANSWERS_EXPORT, field)),
                        SEGMENT_SCORE_FIELDS.stream()
                                .map(field -> new StoredIndex(PeakonCollection.SEGMENT_SCORES, field)),
                        SEGMENT_FIELDS.stream().map(field -> new StoredIndex(PeakonCollection.SEGMENTS, field)),
                        // The departures passes select the versions fetched before a run started (issue #14).
                        Stream.of(new StoredIndex(PeakonCollection.EMPLOYEES, DocumentFields.FETCHED_AT)))
                .flatMap(s -> s)
                .toList();
    }
}
