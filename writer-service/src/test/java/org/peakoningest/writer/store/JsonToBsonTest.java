package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.testsupport.RandomJson;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written BSON of an item must be byte for byte what the MongoDB driver writes for the same value, built
 * the way the writer stored items before (a JSON tree turned into a {@code Document}, pymongo's number rules): on
 * listed items, on 500 random ones and on 3,000 generated ones with surrogates, escapes and huge numbers.
 */
class JsonToBsonTest {

    static List<String> items() {
        StringBuilder wide = new StringBuilder("{\"many\":[");
        for (int i = 0; i < 300; i++) {
            wide.append(i == 0 ? "" : ",").append(i % 3 == 0 ? "\"s" + i + "\"" : Integer.toString(i * 1_000_003));
        }
        wide.append("]}");
        // One string far beyond the converter's first buffer, of 1-, 2-, 3- and 4-byte characters and a lone
        // surrogate at its very end (encoded straight from the parser's character buffer).
        String mixed = "a\u00e9\u4e2d\ud83d\ude00".repeat(20_000) + "\ud83d";
        return List.of(
                "{\"long\":\"" + mixed + "\",\"after\":1}",
                "{}",
                "{\"id\":\"17\",\"type\":\"answers_export\",\"attributes\":{\"answerId\":17,\"answerScore\":9.5,"
                        + "\"comment\":\"Great team, too many meetings\",\"locale\":\"en\"}}",
                "{\"i\":2147483647,\"j\":-2147483648,\"l\":2147483648,\"m\":-9223372036854775808,"
                        + "\"d\":123456789012345678901234567890,\"neg\":-123456789012345678901234567890}",
                "{\"f\":0.1,\"g\":-0.0,\"h\":1e3,\"inf\":1e400,\"tiny\":4.9e-324,\"one\":1.0}",
                "{\"t\":true,\"f\":false,\"n\":null,\"e\":\"\",\"a\":[],\"o\":{}}",
                "{\"unicode\":\"\u00e9\u00e8 \u4e2d\u6587 \ud83d\ude00\",\"esc\":\"\\\"q\\\" \\\\ \\n\\t\\u0001\","
                        + "\"nul\":\"a\\u0000b\",\"\u00e9t\u00e9\":1}",
                "{\"lone\":\"a\\ud83db\\ude00c\\ud83d\\ude00\",\"\\udbff name\":\"\\udfff\"}",
                "{\"nested\":{\"deeper\":{\"deepest\":[1,[2,[3,{\"x\":[null,true]}]]]}}}",
                wide.toString());
    }

    @ParameterizedTest
    @MethodSource("items")
    void bytesAreWhatTheDriverWritesForTheSameDocument(String json) {
        assertThat(convert(json)).isEqualTo(driverBytes(json));
    }

    @Test
    void randomItemsToo() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            String json = ContractJson.mapper().writeValueAsString(randomObject(random, 0));
            assertThat(convert(json)).as(json).isEqualTo(driverBytes(json));
        }
    }

    @Test
    void generatedItemsWithSurrogatesEscapesAndHugeNumbersToo() {
        RandomJson json = new RandomJson(11, 0);
        int objects = 0;
        for (int n = 0; n < 3000; n++) {
            String item = json.item();
            JsonNode tree = ContractJson.mapper().readTree(item);
            if (!tree.isObject() || hasDuplicates(item, tree)) {
                continue; // not an object: no item; a member named twice: the tree path (EnvelopeDeserializerTest)
            }
            assertThat(convert(item)).as(item).isEqualTo(driverBytes(item));
            objects++;
        }
        assertThat(objects).isGreaterThan(1000);
    }

    @Test
    void aLoneSurrogateIsStoredAsStringGetBytesEncodesIt() {
        String text = new String(convert("{\"s\":\"a\\ud83db\"}"), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("a?b").doesNotContain("\u00ed\u00a0\u00bd");
    }

    private static byte[] convert(String json) {
        try (JsonParser parser = ContractJson.mapper().createParser(json)) {
            parser.nextToken();
            return JsonToBson.convert(parser).bytes();
        }
    }

    private static byte[] driverBytes(String json) {
        Document document = ReferenceDocuments.item(ContractJson.mapper().readTree(json));
        BasicOutputBuffer out = new BasicOutputBuffer();
        new DocumentCodec()
                .encode(
                        new BsonBinaryWriter(out),
                        document,
                        EncoderContext.builder().build());
        return out.toByteArray();
    }

    /** Whether some object of the item names a member twice (the tree then holds fewer members than the text). */
    private static boolean hasDuplicates(String text, JsonNode tree) {
        try (JsonParser strict = ContractJson.mapper()
                .reader()
                .with(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .createParser(text)) {
            while (strict.nextToken() != null) {
                // read to the end
            }
            return false;
        } catch (tools.jackson.core.JacksonException twice) {
            return true;
        }
    }

    private static Object randomObject(Random random, int depth) {
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        int members = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < members; i++) {
            object.put("k" + random.nextInt(1000) + (random.nextBoolean() ? "\u00fc" : ""), randomValue(random, depth));
        }
        return object;
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 9 : 7)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * 1e6;
            case 3 -> "s" + random.nextInt() + (random.nextBoolean() ? " \u20ac\ud83d\ude80" : "");
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> new java.math.BigInteger(100, random);
            case 7 -> randomObject(random, depth + 1);
            default -> java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
        };
    }
}
