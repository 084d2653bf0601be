package org.peakoningest.fetcher.auth;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds the bearer token in an {@code /auth/application} response. The real API returns a {@code bearer_tokens}
 * resource whose {@code data.id} is the JWT; the other shapes are the brief's tolerant fallbacks.
 */
final class TokenParser {

    /** Where a token may be, in order of preference. */
    static final List<String> LOCATIONS = List.of("/data/id", "/token", "/access_token", "/data/attributes/token");

    private TokenParser() {
    }

    static Optional<String> parse(JsonNode response) {
        for (String pointer : LOCATIONS) {
            JsonNode node = response.at(pointer);
            if (node.isString() && !node.stringValue().isBlank()) {
                return Optional.of(node.stringValue().trim());
            }
        }
        return Optional.empty();
    }
}
