// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of common/src/main/java/org/peakoningest/common/kafka/EnvelopeBytes.java as of commit 443f9b0; only
// the package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;

/**
 * Writes a data record's value, a {@link RecordEnvelope} in JSON, around an item that is already JSON text: for a
 * producer that copies each item's bytes from the response instead of building its tree (and having
 * {@link ContractSerializer} write the tree again).
 *
 * <p>The output is byte for byte what {@link ContractSerializer} writes for the same envelope whose item serialises
 * to {@code item}: the same field order ({@link RecordEnvelope}'s {@code @JsonPropertyOrder}), null fields left out,
 * strings escaped by the contract mapper, {@code fetched_at} in the {@link Timestamps} form. The fields that every
 * item of a page shares are encoded once, by {@link #header}; per item only the key and the bytes are added.
 *
 * <p>The item bytes are taken as given: they must be one JSON value (the caller's parser produced them).
 */
public final class EnvelopeBytes {

    private static final byte[] KEY = ascii(",\"key\":");
    private static final byte[] ITEM = ascii(",\"item\":");

    /** {@code {"schema_version":1,"run_id":…} up to and including {@code fetched_at}. */
    private final byte[] head;
    /** {@code ,"driver_id":"…"} (empty without a driver id) and {@code ,"item":}. */
    private final byte[] tail;

    private EnvelopeBytes(byte[] head, byte[] tail) {
        this.head = head;
        this.tail = tail;
    }

    /**
     * The fields of {@link RecordEnvelope#of} other than the key and the item, for every envelope of a page;
     * {@code null} strings and a {@code null} instant are left out, as {@link ContractSerializer} leaves them out.
     */
    public static EnvelopeBytes header(
            String runId,
            PeakonCollection collection,
            String endpoint,
            String sourceUrl,
            Instant fetchedAt,
            String driverId) {
        Objects.requireNonNull(collection, "collection");
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        head.writeBytes(ascii("{\"schema_version\":" + RecordEnvelope.SCHEMA_VERSION));
        stringField(head, "run_id", runId);
        stringField(head, "collection", collection.collectionName());
        stringField(head, "endpoint", endpoint);
        stringField(head, "source_url", sourceUrl);
        stringField(head, "fetched_at", fetchedAt == null ? null : Timestamps.format(fetchedAt));
        ByteArrayOutputStream tail = new ByteArrayOutputStream(64);
        stringField(tail, "driver_id", driverId);
        tail.writeBytes(ITEM);
        return new EnvelopeBytes(head.toByteArray(), tail.toByteArray());
    }

    /** The envelope of one item: {@code item} is the item's JSON text in UTF-8. */
    public byte[] write(DocumentKey key, byte[] item) {
        return write(key, item, 0, item.length);
    }

    /** The envelope of one item whose JSON text is {@code item[offset, offset + length)}. */
    public byte[] write(DocumentKey key, byte[] item, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, item.length);
        // A numeric key (nearly every record) goes straight into the output; a text key is encoded first.
        long number = key instanceof DocumentKey.Numeric numeric ? numeric.value() : 0;
        byte[] text = key instanceof DocumentKey.Text t ? textJson(t.value()) : null;
        int keySize = key == null ? 0 : KEY.length + (text != null ? text.length : digits(number));
        int size = head.length + keySize + tail.length + length + 1;
        byte[] out = new byte[size];
        int at = put(out, 0, head);
        if (key != null) {
            at = put(out, at, KEY);
            at = text != null ? put(out, at, text) : putDigits(out, at, number);
        }
        at = put(out, at, tail);
        System.arraycopy(item, offset, out, at, length);
        out[size - 1] = '}';
        return out;
    }

    /** A text key as the contract writes it: a JSON string. */
    private static byte[] textJson(String text) {
        return plainAscii(text) ? ascii('"' + text + '"') : jsonString(text);
    }

    /** How many bytes {@link Long#toString(long)} of {@code value} has. */
    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int size = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
            size++;
        }
        return size;
    }

    /** Writes {@code value} in decimal, as {@link Long#toString(long)} (and Jackson) would. */
    private static int putDigits(byte[] out, int at, long value) {
        if (value == Long.MIN_VALUE) {
            return put(out, at, ascii(Long.toString(value)));
        }
        int end = at + digits(value);
        int i = end;
        long rest = Math.abs(value);
        do {
            out[--i] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (value < 0) {
            out[--i] = '-';
        }
        return end;
    }

    /** {@code ,"name":"value"}, or nothing for a null value (the contract's NON_NULL inclusion). */
    private static void stringField(ByteArrayOutputStream out, String name, String value) {
        if (value != null) {
            out.writeBytes(ascii(",\"" + name + "\":"));
            out.writeBytes(jsonString(value));
        }
    }

    /** A JSON string literal exactly as the contract mapper escapes it (the mapper writes it, so no rule drifts). */
    private static byte[] jsonString(String value) {
        return ContractJson.mapper().writeValueAsBytes(value);
    }

    /** Printable ASCII without quote and backslash: the mapper writes such a string between quotes as it is. */
    private static boolean plainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
