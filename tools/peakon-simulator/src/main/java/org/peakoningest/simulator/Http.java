package org.peakoningest.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** Small helpers around {@link HttpExchange}: query parsing, JSON responses, JSON:API errors. */
final class Http {

    static final JsonFactory JSON = new JsonFactory();

    private Http() {}

    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.putIfAbsent(
                    decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    /** URL-decoding that keeps a malformed escape as it is (the value is then simply invalid, not a 500). */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** A small response, built in memory so it goes out with a Content-Length. */
    static void json(HttpExchange exchange, int status, Consumer<JsonGenerator> body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            body.accept(g);
        }
        byte[] bytes = buffer.toByteArray();
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code {"errors":[{"status":"404","title":"Not Found","detail":"..."}]}}. */
    static void error(HttpExchange exchange, int status, String detail) throws IOException {
        json(exchange, status, g -> {
            g.writeStartObject();
            g.writeName("errors");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("status", Integer.toString(status));
            g.writeStringProperty("title", title(status));
            g.writeStringProperty("detail", detail);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
