package org.peakoningest.writer.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bson.BsonSerializationException;
import org.bson.types.Decimal128;

/**
 * Writes BSON into a growable byte array: exactly the element types a JSON item and the writer's metadata need.
 *
 * <p>Why not {@code BsonBinaryWriter}: it is general (a state machine, a context object per nested document, a
 * {@code ByteBuffer} view per write, strings encoded one code point at a time); with it, and its
 * {@code pipe(reader, extraElements)} for the metadata, the writer's whole per-document path took 39 % (C2) to
 * 105 % (C1) more CPU (JMH, docs/performance.md, "Per-document CPU"). This class appends bytes and patches lengths,
 * nothing else. The output is the driver's own encoding, byte for byte ({@code JsonToBsonTest},
 * {@code StoredDocumentsTest}).
 */
final class BsonBytes {

    // Element types (bsonspec.org): the ones a JSON value and the writer's metadata can be.
    static final byte DOUBLE = 0x01;
    static final byte STRING = 0x02;
    static final byte DOCUMENT = 0x03;
    static final byte ARRAY = 0x04;
    static final byte BOOLEAN = 0x08;
    static final byte NULL = 0x0A;
    static final byte INT32 = 0x10;
    static final byte INT64 = 0x12;
    static final byte DECIMAL128 = 0x13;

    /** Array element names "0", "1", ... as BSON wants them, precomputed for the common lengths. */
    private static final byte[][] INDEXES = new byte[256][];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The JDK's UTF-8 encoder, one per thread; a lone surrogate becomes '?', as with String.getBytes. */
    private static final ThreadLocal<CharsetEncoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));

    private byte[] bytes;
    private int position;
    /** This thread's encoder, once a string was written. */
    private CharsetEncoder utf8;

    BsonBytes(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    /** Starts a document (the top level, or the value of the element just named); returns what to pass to end. */
    int startDocument() {
        int start = position;
        ensure(4);
        position += 4;
        return start;
    }

    /** Ends the document started at {@code start}: terminator, then its length. */
    void endDocument(int start) {
        ensure(1);
        bytes[position++] = 0;
        writeInt32At(start, position - start);
    }

    int startDocument(String name) {
        name(DOCUMENT, name);
        return startDocument();
    }

    /** Names the next element of an array. */
    void index(byte type, int index) {
        ensure(1);
        bytes[position++] = type;
        cstring(
                index < INDEXES.length
                        ? INDEXES[index]
                        : Integer.toString(index).getBytes(StandardCharsets.US_ASCII));
    }

    void writeString(String name, String value) {
        name(STRING, name);
        stringValue(value);
    }

    void writeInt32(String name, int value) {
        name(INT32, name);
        int32(value);
    }

    void writeInt64(String name, long value) {
        name(INT64, name);
        int64(value);
    }

    void writeNull(String name) {
        name(NULL, name);
    }

    /** Writes an element's type and name; the value follows with one of the value methods. */
    void name(byte type, String name) {
        ensure(1);
        bytes[position++] = type;
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            if (b == 0) {
                throw new BsonSerializationException(
                        "a BSON field name cannot contain a null character: '" + name.replace("\0", "\\0") + "'");
            }
        }
        cstring(utf8);
    }

    void stringValue(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length + 1);
        append(utf8, 0, utf8.length);
        ensure(1);
        bytes[position++] = 0;
    }

    /**
     * A string value straight from a parser's character buffer, encoded by the JDK's UTF-8 encoder into this
     * buffer: no {@code String} per value. Same bytes as {@code String.getBytes(UTF_8)}.
     *
     * <p>Why not {@code parser.getString()}: the writer runs C1-compiled (docs/performance.md), where making a
     * {@code String} of every value (compressing its chars) and encoding it again (checking them once more) cost
     * about 10% of the replay's CPU (JFR, "Issue #11" in docs/performance.md).
     */
    void stringValue(char[] chars, int offset, int length) {
        ensure(4 + 3 * length + 1); // UTF-8 needs at most 3 bytes per char (4 per surrogate pair)
        int lengthAt = position;
        ByteBuffer target = ByteBuffer.wrap(bytes, position + 4, bytes.length - position - 4);
        CharsetEncoder encoder = encoder();
        encoder.encode(CharBuffer.wrap(chars, offset, length), target, true);
        encoder.flush(target);
        position = target.position();
        bytes[position++] = 0;
        writeInt32At(lengthAt, position - lengthAt - 4);
    }

    private CharsetEncoder encoder() {
        if (utf8 == null) {
            utf8 = UTF8.get();
        }
        return utf8.reset();
    }

    void int32(int value) {
        ensure(4);
        writeInt32At(position, value);
        position += 4;
    }

    void int64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[position++] = (byte) (value >>> (8 * i));
        }
    }

    void doubleValue(double value) {
        int64(Double.doubleToRawLongBits(value));
    }

    void booleanValue(boolean value) {
        ensure(1);
        bytes[position++] = (byte) (value ? 1 : 0);
    }

    void decimal128Value(Decimal128 value) {
        int64(value.getLow());
        int64(value.getHigh());
    }

    /** Appends bytes as they are (e.g. the elements of another BSON document). */
    void append(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    int position() {
        return position;
    }

    /** The array written to (valid up to {@link #position()}); no copy. */
    byte[] buffer() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, position);
    }

    private void cstring(byte[] utf8) {
        append(utf8, 0, utf8.length);
        ensure(1);
        bytes[position++] = 0;
    }

    private void writeInt32At(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
        }
    }
}
