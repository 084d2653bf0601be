package org.peakoningest.fetcher.crawl;

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
 * {@code included} only when the caller asks for it (segments resolve their attribute's name there), everything
 * else is skipped.
 */
final class PageReader {

    /** What a page said besides its items. */
    /** @param included the page's {@code included} resources when they were asked for, else missing */
    record Page(int items, String next, JsonNode meta, JsonNode links, JsonNode included) {}

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
        return read(body, items, false);
    }

    /**
     * As {@link #read(InputStream, Consumer)}; with {@code keepIncluded} the page's {@code included} array is kept
     * as a tree (small collections only: an answers page never builds one).
     */
    static Page read(InputStream body, Consumer<ItemCopy> items, boolean keepIncluded) {
        int count = 0;
        JsonNode included = MissingNode.getInstance();
        JsonNode links = MissingNode.getInstance();
        JsonNode meta = MissingNode.getInstance();
        try (JsonParser parser = MAPPER.createParser(body);
                ItemCopy item = new ItemCopy()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "data" -> count += readData(parser, value, item, items);
                    case "links" -> links = MAPPER.readTree(parser);
                    case "meta" -> meta = MAPPER.readTree(parser);
                    case "included" -> {
                        if (keepIncluded) {
                            included = MAPPER.readTree(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        return new Page(count, nextLink(links), meta, links, included);
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
            throw new IllegalStateException("'data' is neither an array nor an object");
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
}
