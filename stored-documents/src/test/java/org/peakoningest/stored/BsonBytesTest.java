package org.peakoningest.stored;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BsonBytesTest {

    /** Strings from the parser's buffer must be the bytes of the String path, also for broken UTF-16. */
    @Test
    void stringsFromACharBufferAreEncodedLikeStrings() {
        Random random = new Random(11);
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\u0000', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800',
                '\u4e2d', '\uffff', '\ud83d', '\ude00', '\udbff', '\udfff'};
        for (int n = 0; n < 2_000; n++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int offset = chars.length == 0 ? 0 : random.nextInt(chars.length);
            int length = chars.length - offset;
            BsonBytes fromChars = new BsonBytes(8);
            fromChars.stringValue(chars, offset, length);
            BsonBytes fromString = new BsonBytes(8);
            fromString.stringValue(new String(chars, offset, length));
            assertThat(fromChars.toByteArray()).as(new String(chars, offset, length)).isEqualTo(fromString.toByteArray());
        }
    }
}
