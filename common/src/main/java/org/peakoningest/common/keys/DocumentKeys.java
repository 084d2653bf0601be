package org.peakoningest.common.keys;

import java.math.BigInteger;
import java.util.Optional;
import org.peakoningest.common.PeakonCollection;
import tools.jackson.databind.JsonNode;

/**
 * The document-key rules of the original brief, exactly:
 * <ul>
 *   <li>{@code answers_export}: {@code int(attributes.answerId)}, else {@code id};</li>
 *   <li>{@code employees}: {@code int(id)} when parseable, else the string;</li>
 *   <li>{@code drivers}: {@code id};</li>
 *   <li>{@code drivers_catalog}: the numeric {@code id};</li>
 *   <li>{@code scores_contexts}: {@code "{group}::{id}::{attributes.scores.time}"};</li>
 *   <li>{@code scores_by_driver}: {@code "{driverId}::{id}::{attributes.scores.time}"};</li>
 *   <li>whenever a part is missing: {@link CanonicalJson#sha256 the SHA-256 of the item's canonical JSON}.</li>
 * </ul>
 * "int(x)" follows Python: whole numbers and numeric strings (surrounding whitespace allowed) parse, a float is
 * truncated toward zero, anything else (booleans, {@code "12.5"}, {@code "abc"}) does not parse.
 */
public final class DocumentKeys {

    private DocumentKeys() {
    }

    /**
     * The key of {@code item} in {@code collection}.
     *
     * @param context the score group for {@code scores_contexts} (the engagement group) and the driver id for
     *                {@code scores_by_driver}; ignored for the other collections
     */
    public static DocumentKey keyOf(PeakonCollection collection, JsonNode item, String context) {
        return switch (collection) {
            case ANSWERS_EXPORT -> pythonInt(item.path("attributes").path("answerId"))
                    .map(DocumentKey::of)
                    .or(() -> asIs(item.path("id")))
                    .orElseGet(() -> hashOf(item));
            case EMPLOYEES, DRIVERS_CATALOG -> pythonInt(item.path("id")).map(DocumentKey::of)
                    .or(() -> asIs(item.path("id")))
                    .orElseGet(() -> hashOf(item));
            case DRIVERS -> asIs(item.path("id")).orElseGet(() -> hashOf(item));
            case SCORES_CONTEXTS, SCORES_BY_DRIVER -> scoreKey(context, item).orElseGet(() -> hashOf(item));
        };
    }

    /** The fallback key: the SHA-256 of the item's canonical JSON. */
    public static DocumentKey hashOf(JsonNode item) {
        return DocumentKey.of(CanonicalJson.sha256(item));
    }

    private static Optional<DocumentKey> scoreKey(String context, JsonNode item) {
        Optional<String> id = part(item.path("id"));
        Optional<String> time = part(item.path("attributes").path("scores").path("time"));
        if (context == null || context.isEmpty() || id.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DocumentKey.of(context + "::" + id.get() + "::" + time.get()));
    }

    /** A key part as Python's f-string would print it; absent for null, missing, objects and arrays. */
    private static Optional<String> part(JsonNode node) {
        if (node.isString()) {
            return Optional.of(node.stringValue());
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        if (node.isNumber()) {
            return Optional.of(Double.toString(node.doubleValue()));
        }
        return Optional.empty();
    }

    /** {@code id} taken as it is: a whole number stays a number, a string stays a string. */
    private static Optional<DocumentKey> asIs(JsonNode node) {
        if (node.isString()) {
            return Optional.of(DocumentKey.of(node.stringValue()));
        }
        return node.isIntegralNumber() ? pythonInt(node).map(DocumentKey::of) : Optional.empty();
    }

    /** Python's {@code int(x)} for what JSON can hold, limited to 64 bits. */
    static Optional<Long> pythonInt(JsonNode node) {
        try {
            if (node.isIntegralNumber()) {
                return Optional.of(node.bigIntegerValue().longValueExact());
            }
            if (node.isNumber() && Double.isFinite(node.doubleValue())) {
                return Optional.of(node.decimalValue().toBigInteger().longValueExact());
            }
            if (node.isString()) {
                String text = node.stringValue().strip();
                if (text.matches("[+-]?\\d+")) {
                    return Optional.of(new BigInteger(text).longValueExact());
                }
            }
        } catch (ArithmeticException outOfRange) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
