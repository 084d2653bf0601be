package org.peakoningest.browse.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * RFC 4180 CSV for every download: UTF-8 with a byte-order mark (without it Excel garbles é, ü and emoji; CSV readers
 * that know UTF-8 skip it), CRLF line ends, fields quoted when needed, and text cells that a spreadsheet would run as
 * a formula (leading {@code = + - @}, tab, CR) prefixed with an apostrophe. Numbers are written as they are.
 */
public final class Csv {

    private Csv() {}

    /** Starts a download named {@code fileName}: headers set, the byte-order mark written. */
    public static Writer download(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        Writer out = new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        return out;
    }

    /** One line of cells. */
    public static void line(Writer out, List<?> cells) throws IOException {
        out.write(cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n")));
    }

    public static String cell(Object value) {
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
