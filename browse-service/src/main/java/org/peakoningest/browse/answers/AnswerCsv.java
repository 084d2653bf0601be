package org.peakoningest.browse.answers;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.Csv;

/**
 * CSV of answers ({@link Csv}'s rules): one header row, one row per document.
 */
final class AnswerCsv {

    /** Column name → dotted path in the document. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"answerId", "_id"},
            new String[] {"responseAnsweredAt", "attributes.responseAnsweredAt"},
            new String[] {"employeeId", "attributes.employeeId"},
            new String[] {"accountEmail", "attributes.accountEmail"},
            new String[] {"questionId", "attributes.questionId"},
            new String[] {"questionText", "attributes.questionText"},
            new String[] {"questionType", "attributes.questionType"},
            new String[] {"categoryGroup", "attributes.categoryGroup"},
            new String[] {"answerScore", "attributes.answerScore"},
            new String[] {"answerText", "attributes.answerText"},
            new String[] {"answerComment", "attributes.answerComment"},
            new String[] {"roundId", "attributes.roundId"},
            new String[] {"fetched_at", "fetched_at"},
            new String[] {"run_id", "run_id"});

    private static final Collector<CharSequence, ?, String> LINE = Collectors.joining(",", "", "\r\n");

    private AnswerCsv() {}

    static void header(Writer out) throws IOException {
        out.write(COLUMNS.stream().map(c -> c[0]).collect(LINE));
    }

    static void row(Writer out, Document doc) throws IOException {
        out.write(COLUMNS.stream().map(c -> cell(Docs.at(doc, c[1]))).collect(LINE));
    }

    static String cell(Object value) {
        return Csv.cell(value);
    }
}
