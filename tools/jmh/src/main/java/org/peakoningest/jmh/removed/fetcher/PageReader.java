// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of fetcher-service/src/main/java/org/peakoningest/fetcher/crawl/PageReader.java as of commit 443f9b0;
// only the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.fetcher;

import java.io.InputStream;
import java.util.function.Consumer;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Streams a JSON:API document: each {@code data[]} item is copied as JSON text (with its key parts, see
 * {@link ItemCopy}) and handed on at once, so a page of 20,000 answers never exists as a whole, and no item becomes
 * a tree. {@code links} and {@code meta} are captured wherever they appear (before or after {@code data});
 * everything else ({@code included}, ...) is skipped.
 */
final class PageReader {

    /** What a page said besides its items. */
    record Page(int items, String next, JsonNode meta, JsonNode links) {}

    /** The contract mapper, reading one value of a stream at a time (the rest of the document follows it). */
    private static final JsonMapper MAPPER = ContractJson.mapper()
            .rebuild()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PageReader() {}

    /**
     * Reads a page, handing each item to {@code items} as soon as it is read. The {@link ItemCopy} is reused for
     * the next item: the consumer takes what it needs before it returns.
     */
    static Page read(InputStream body, Consumer<ItemCopy> items) {
        int count = 0;
        JsonNode links = MissingNode.getInstance();
        JsonNode meta = MissingNode.getInstance();
        try (JsonParser parser = MAPPER.createParser(body);
                ItemCopy item = new ItemCopy()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPageException("the response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "data" -> count += readData(parser, value, item, items);
                    case "links" -> links = MAPPER.readTree(parser);
                    case "meta" -> meta = MAPPER.readTree(parser);
                    default -> parser.skipChildren();
                }
            }
        }
        return new Page(count, nextLink(links), meta, links);
    }

    private static int readData(JsonParser parser, JsonToken value, ItemCopy item, Consumer<ItemCopy> items) {
        if (value == JsonToken.START_OBJECT) {
            // A single resource instead of a collection: one item.
            item.copy(parser);
            items.accept(item);
            return 1;
        }
        if (value != JsonToken.START_ARRAY) {
            if (value == JsonToken.VALUE_NULL) {
                return 0;
            }
            throw new MalformedPageException("'data' is neither an array nor an object");
        }
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            item.copy(parser);
            items.accept(item);
            count++;
        }
        return count;
    }

    /** {@code links.next} as a string (or {@code links.next.href}), null when absent, null or empty. */
    private static String nextLink(JsonNode links) {
        JsonNode next = links.path("next");
        if (next.isObject()) {
            next = next.path("href");
        }
        return next.isString() && !next.stringValue().isBlank()
                ? next.stringValue().trim()
                : null;
    }

    /** The body is not the JSON:API document we expect. */
    static final class MalformedPageException extends RuntimeException {
        MalformedPageException(String message) {
            super(message);
        }
    }
}
