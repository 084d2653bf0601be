package org.peakoningest.stored;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written BSON of an item must be byte for byte what the MongoDB driver writes for the same value, built
 * the way the writer stored items before (a JSON tree turned into a {@code Document}, pymongo's number rules).
 */
class JsonToBsonTest {

    static List<String> items() {
        StringBuilder wide = new StringBuilder("{\"many\":[");
        for (int i = 0; i < 300; i++) {
            wide.append(i == 0 ? "" : ",").append(i % 3 == 0 ? "\"s" + i + "\"" : Integer.toString(i * 1_000_003));
        }
        wide.append("]}");
        return List.of(
                "{}",
                "{\"id\":\"17\",\"type\":\"answers_export\",\"attributes\":{\"answerId\":17,\"answerScore\":9.5,"
                        + "\"comment\":\"Great team, too many meetings\",\"locale\":\"en\"}}",
                "{\"i\":2147483647,\"j\":-2147483648,\"l\":2147483648,\"m\":-9223372036854775808,"
                        + "\"d\":123456789012345678901234567890,\"neg\":-123456789012345678901234567890}",
                "{\"f\":0.1,\"g\":-0.0,\"h\":1e3,\"inf\":1e400,\"tiny\":4.9e-324,\"one\":1.0}",
                "{\"t\":true,\"f\":false,\"n\":null,\"e\":\"\",\"a\":[],\"o\":{}}",
                "{\"unicode\":\"\u00e9\u00e8 \u4e2d\u6587 \ud83d\ude00\",\"esc\":\"\\\"q\\\" \\\\ \\n\\t\\u0001\","
                        + "\"nul\":\"a\\u0000b\",\"\u00e9t\u00e9\":1}",
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

    private static byte[] convert(String json) {
        try (JsonParser parser = ContractJson.mapper().createParser(json)) {
            parser.nextToken();
            return JsonToBson.convert(parser).bytes();
        }
    }

    private static byte[] driverBytes(String json) {
        Document document = (Document) reference(ContractJson.mapper().readTree(json));
        BasicOutputBuffer out = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(out), document, EncoderContext.builder().build());
        return out.toByteArray();
    }

    /** The writer's earlier conversion (JSON tree to driver values), kept here as the reference. */
    private static Object reference(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Document document = new Document();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                document.append(member.getKey(), reference(member.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(reference(element)));
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? node.longValue()
                    : new Decimal128(new BigDecimal(node.bigIntegerValue()));
        }
        return node.doubleValue();
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
