package org.peakoningest.fetcher.crawl;

import java.io.ByteArrayOutputStream;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data[]} item just read from a page, as JSON text, plus the few values the document-key rules look at;
 * no tree of the item is built. One instance serves a whole page: each {@link #copy} overwrites the previous item,
 * so a consumer must take what it needs before the next one is read.
 *
 * <p>The text is written token by token from the parser: strings are re-escaped (same characters), numbers keep
 * their exact text ({@code 1.10}, {@code 1e400}, 30-digit integers: no double or BigDecimal round trip), duplicate
 * members stay as they came. Parsed again it is the same JSON value as the item in the response.
 *
 * <p>{@link #keyParts()} holds {@code id}, {@code attributes.answerId} and {@code attributes.scores.time} as the
 * item's full tree would hold them (the contract mapper's node types, the last of duplicate members, objects and
 * arrays as empty ones), which is all {@link org.peakoningest.common.keys.DocumentKeys#naturalKeyOf} reads.
 * {@link #employeeId()} is {@code attributes.employeeId} as text, which the erasure filter reads (issue #14): the
 * person an answer belongs to.
 *
 * <p>Why by hand: Jackson's own way (the item as a {@code TokenBuffer} replayed into the envelope, its key from a
 * token-filtered tree) costs 43-46 % more CPU per document on the fetcher's whole path (JMH, C2 and C1; see
 * docs/performance.md, "Per-document CPU"). {@code ItemCopyTest} holds it to the item's tree.
 */
final class ItemCopy implements AutoCloseable {

    /** The contract mapper's JSON settings, minus the space it writes between root-level values. */
    private static final JsonFactory FACTORY = ContractJson.mapper()
            .tokenStreamFactory()
            .rebuild()
            .rootValueSeparator((String) null)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // What the value after the current member name is, on the way to a key part.
    private static final int NONE = 0;
    private static final int ID = 1;
    private static final int ATTRIBUTES = 2;
    private static final int ANSWER_ID = 3;
    private static final int SCORES = 4;
    private static final int TIME = 5;
    private static final int EMPLOYEE_ID = 6;

    private final Buffer text = new Buffer();
    private final JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text);
    // The skeleton; reused, so an item costs no maps, only the few captured values.
    private final ObjectNode keyParts = NODES.objectNode();
    private final ObjectNode attributes = NODES.objectNode();
    private final ObjectNode scores = NODES.objectNode();
    private String employeeId;

    /**
     * Copies the value whose first token is the parser's current token, leaving the parser on its last token
     * (as {@code readTree} does).
     */
    void copy(JsonParser parser) {
        text.reset();
        keyParts.removeAll();
        employeeId = null;
        int depth = 0;
        // Depth of the innermost object on the key path we are directly in (1: the item, 2: attributes,
        // 3: attributes.scores); 0 for an item that is not an object.
        int pathDepth = 0;
        int next = NONE;
        JsonToken token = parser.currentToken();
        while (true) {
            switch (token) {
                case START_OBJECT -> {
                    generator.writeStartObject();
                    depth++;
                    if (depth == 1) {
                        pathDepth = 1;
                    } else if (next == ATTRIBUTES) {
                        attributes.removeAll();
                        employeeId = null;
                        keyParts.set("attributes", attributes);
                        pathDepth = depth;
                    } else if (next == SCORES) {
                        scores.removeAll();
                        attributes.set("scores", scores);
                        pathDepth = depth;
                    } else if (next != NONE) {
                        capture(next, NODES.objectNode());
                    }
                }
                case START_ARRAY -> {
                    generator.writeStartArray();
                    depth++;
                    if (next != NONE) {
                        capture(next, NODES.arrayNode());
                    }
                }
                case END_OBJECT, END_ARRAY -> {
                    if (token == JsonToken.END_OBJECT) {
                        generator.writeEndObject();
                    } else {
                        generator.writeEndArray();
                    }
                    depth--;
                    pathDepth = Math.min(pathDepth, depth);
                }
                case PROPERTY_NAME -> {
                    String name = parser.currentName();
                    generator.writeName(name);
                    next = depth == pathDepth ? target(pathDepth, name) : NONE;
                    token = parser.nextToken();
                    continue; // the value decides with `next`
                }
                case VALUE_STRING -> {
                    generator.writeString(
                            parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                    if (next == EMPLOYEE_ID) {
                        employeeId = parser.getString();
                    } else if (next != NONE) {
                        capture(next, NODES.stringNode(parser.getString()));
                    }
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    // The number's own text: exact, and never parsed unless it is a key part.
                    generator.writeNumber(
                            parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                    if (next == EMPLOYEE_ID) {
                        employeeId = parser.getString(); // as written: 7001, not a parsed value
                    } else if (next != NONE) {
                        capture(next, numberNode(parser, token));
                    }
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    generator.writeBoolean(token == JsonToken.VALUE_TRUE);
                    if (next != NONE) {
                        capture(next, NODES.booleanNode(token == JsonToken.VALUE_TRUE));
                    }
                }
                case VALUE_NULL -> {
                    generator.writeNull();
                    if (next != NONE) {
                        capture(next, NODES.nullNode());
                    }
                }
                default -> throw new IllegalStateException("unexpected " + token + " in a JSON item");
            }
            next = NONE;
            if (depth == 0) {
                break;
            }
            token = parser.nextToken();
        }
        generator.flush();
    }

    /** The item's UTF-8 JSON text is {@code json()[0, length())}; the array is reused for the next item. */
    byte[] json() {
        return text.array();
    }

    int length() {
        return text.size();
    }

    /**
     * {@code attributes.employeeId} of the item as text (a string as it is, a number as written), or null when it is
     * absent, null, an object or an array; as the item's tree would hold it (the last of duplicate members).
     */
    String employeeId() {
        return employeeId;
    }

    /** The key parts of the item (see the class comment); reused for the next item. */
    JsonNode keyParts() {
        return keyParts;
    }

    /** The item's full tree, parsed from the copy: for the rare hash-key fallback and for small collections. */
    JsonNode tree() {
        return ContractJson.mapper().readTree(text.array(), 0, text.size());
    }

    @Override
    public void close() {
        generator.close();
    }

    private static int target(int pathDepth, String name) {
        return switch (pathDepth) {
            case 1 -> name.equals("id") ? ID : name.equals("attributes") ? ATTRIBUTES : NONE;
            case 2 ->
                name.equals("answerId")
                        ? ANSWER_ID
                        : name.equals("scores") ? SCORES : name.equals("employeeId") ? EMPLOYEE_ID : NONE;
            case 3 -> name.equals("time") ? TIME : NONE;
            default -> NONE;
        };
    }

    /** A key part, or a value where the key path expected an object: it replaces what an earlier member put. */
    private void capture(int target, JsonNode value) {
        switch (target) {
            case ID -> keyParts.set("id", value);
            case ATTRIBUTES -> {
                keyParts.set("attributes", value);
                employeeId = null;
            }
            case ANSWER_ID -> attributes.set("answerId", value);
            case SCORES -> attributes.set("scores", value);
            case TIME -> scores.set("time", value);
            case EMPLOYEE_ID -> employeeId = null; // an object, an array, a boolean or null: no person's id
            default -> throw new IllegalStateException("no key part " + target);
        }
    }

    /** The node the contract mapper's {@code readTree} makes of this number. */
    private static JsonNode numberNode(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
        }
        // JSON text does not say a float's precision, so the tree holds it as a double (1.10 is 1.1, 1e400 Infinity).
        return NODES.numberNode(parser.getDoubleValue());
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(8192);
        }

        byte[] array() {
            return buf;
        }
    }
}
