package org.peakoningest.browse.answers;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peakoningest.browse.store.Docs;

/**
 * RFC 4180 CSV of answers: one header row, one row per document, every field quoted when needed. Text cells that a
 * spreadsheet would run as a formula (leading {@code = + - @}, tab, CR) get a leading apostrophe; numbers are written
 * as they are stored.
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
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || text.startsWith(" ")
                || text.endsWith(" ")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
