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
 *   <li>{@code segments} (issue #13): {@code id} as it is;</li>
 *   <li>{@code segment_scores} (issue #13): {@code "{group}::segment_{segmentId}::{id}::{attributes.scores.time}"};</li>
 *   <li>whenever a part is missing: {@link CanonicalJson#sha256 the SHA-256 of the item's canonical JSON}.</li>
 * </ul>
 * "int(x)" follows Python: whole numbers and numeric strings (surrounding whitespace allowed) parse, a float is
 * truncated toward zero, anything else (booleans, {@code "12.5"}, {@code "abc"}) does not parse.
 */
public final class DocumentKeys {

    private DocumentKeys() {}

    /**
     * The key of {@code item} in {@code collection}: its {@link #naturalKeyOf natural key}, else the
     * {@link #hashOf hash} of the whole item.
     *
     * @param context the score group for {@code scores_contexts} (the engagement group), the driver id for
     *                {@code scores_by_driver}, {@code "{group}::segment_{segmentId}"} for {@code segment_scores}
     *                ({@link #segmentContext}); ignored for the other collections
     */
    public static DocumentKey keyOf(PeakonCollection collection, JsonNode item, String context) {
        return naturalKeyOf(collection, item, context).orElseGet(() -> hashOf(item));
    }

    /**
     * The key the rules above build from the item's own values, or empty when a part is missing (then the key is
     * the hash of the whole item).
     *
     * <p>It reads only {@code id}, {@code attributes.answerId} and {@code attributes.scores.time}, so
     * {@code item} may be a skeleton holding just those values (as a full tree would hold them: the last of
     * duplicate members, objects and arrays as such): a streaming reader gets the key without building the
     * item's tree, and builds the tree only when this is empty.
     */
    public static Optional<DocumentKey> naturalKeyOf(PeakonCollection collection, JsonNode item, String context) {
        return switch (collection) {
            case ANSWERS_EXPORT ->
                pythonInt(item.path("attributes").path("answerId"))
                        .map(DocumentKey::of)
                        .or(() -> asIs(item.path("id")));
            case EMPLOYEES, DRIVERS_CATALOG ->
                pythonInt(item.path("id")).map(DocumentKey::of).or(() -> asIs(item.path("id")));
            case DRIVERS, SEGMENTS -> asIs(item.path("id"));
            case SCORES_CONTEXTS, SCORES_BY_DRIVER, SEGMENT_SCORES -> scoreKey(context, item);
        };
    }

    /** The key context of a segment's scores: {@code "{group}::segment_{segmentId}"}. */
    public static String segmentContext(String group, String segmentId) {
        return group + "::segment_" + segmentId;
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
        if (node.isInt() || node.isLong()) {
            return Optional.of(Long.toString(node.longValue()));
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
            if (node.isInt() || node.isLong()) {
                return Optional.of(node.longValue());
            }
            if (node.isIntegralNumber()) {
                return Optional.of(node.bigIntegerValue().longValueExact());
            }
            if (node.isNumber() && Double.isFinite(node.doubleValue())) {
                return Optional.of(node.decimalValue().toBigInteger().longValueExact());
            }
            if (node.isString()) {
                String text = node.stringValue().strip();
                if (isWholeNumber(text)) {
                    // Up to 18 digits always fit a long; longer ones may not, BigInteger tells.
                    return Optional.of(
                            text.length() <= 18 ? Long.parseLong(text) : new BigInteger(text).longValueExact());
                }
            }
        } catch (ArithmeticException outOfRange) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code [+-]?[0-9]+}, checked by hand: this runs once per item, a regex would be compiled every time. */
    private static boolean isWholeNumber(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
