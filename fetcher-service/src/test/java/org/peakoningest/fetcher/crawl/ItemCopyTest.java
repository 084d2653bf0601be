package org.peakoningest.fetcher.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.testsupport.RandomJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The copied item and its key parts give exactly what the item's full tree gives: the same JSON value and, for
 * every collection, the same document key (including the hash fallback).
 */
class ItemCopyTest {

    private static final String CONTEXT = "engagement";

    @ParameterizedTest
    @ValueSource(
            strings = {
                // the usual shapes
                "{\"id\":\"900\",\"type\":\"answers_export\",\"attributes\":{\"answerId\":12345,\"answerScore\":8}}",
                "{\"id\":\"4711\",\"type\":\"employees\",\"attributes\":{\"name\":\"Ada\"}}",
                "{\"id\":\"segment_1\",\"attributes\":{\"scores\":{\"mean\":7.5,\"time\":1700000000}}}",
                // numbers as strings, floats, big integers
                "{\"id\":\" 42 \",\"attributes\":{\"answerId\":\"+0077\"}}",
                "{\"id\":\"a\",\"attributes\":{\"answerId\":12.9,\"scores\":{\"time\":1.10}}}",
                "{\"id\":\"a\",\"attributes\":{\"answerId\":-12.9e0,\"scores\":{\"time\":1E2}}}",
                "{\"id\":\"a\",\"attributes\":{\"answerId\":1e400,\"scores\":{\"time\":-1e400}}}",
                "{\"id\":\"a\",\"attributes\":{\"answerId\":12.99999999999999999999,\"scores\":{\"time\":1e-400}}}",
                "{\"id\":123456789012345678901234567890,\"attributes\":{\"answerId\":\"99999999999999999999\"}}",
                "{\"id\":9223372036854775807,\"attributes\":{\"answerId\":9223372036854775808}}",
                "{\"id\":-9223372036854775808,\"attributes\":{\"scores\":{\"time\":-0}}}",
                "{\"id\":2147483648,\"attributes\":{\"answerId\":-2147483649,\"scores\":{\"time\":4294967296}}}",
                "{\"id\":12.5}",
                // missing parts
                "{}",
                "{\"id\":null,\"attributes\":null}",
                "{\"attributes\":{\"answerScore\":7}}",
                "{\"id\":\"c\",\"attributes\":{\"scores\":{\"mean\":1}}}",
                "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":null}}}",
                "{\"id\":true,\"attributes\":{\"answerId\":false,\"scores\":{\"time\":true}}}",
                "{\"id\":\"c\",\"attributes\":[{\"answerId\":5,\"scores\":{\"time\":5}}]}",
                "{\"id\":\"c\",\"attributes\":\"answerId\"}",
                "{\"id\":{\"id\":5},\"attributes\":{\"answerId\":{\"answerId\":5},\"scores\":[{\"time\":5}]}}",
                "{\"id\":[1],\"attributes\":{\"answerId\":[],\"scores\":{\"time\":{}}}}",
                // key-like members elsewhere must not count
                "{\"relationships\":{\"id\":5,\"attributes\":{\"answerId\":6,\"scores\":{\"time\":7}}},\"x\":[{\"id\":1}]}",
                "{\"attributes\":{\"id\":5,\"x\":{\"answerId\":6,\"scores\":{\"time\":7}}},\"scores\":{\"time\":1}}",
                "{\"attributes\":{\"scores\":{\"x\":{\"time\":7},\"y\":[{\"time\":8}]}},\"id\":\"c\"}",
                "{\"time\":1,\"answerId\":2,\"attributes\":{\"time\":3,\"id\":4}}",
                // duplicates: the last one wins, as in a tree, at every level
                "{\"id\":\"1\",\"id\":\"2\",\"attributes\":{\"answerId\":1,\"answerId\":\"x\"}}",
                "{\"attributes\":{\"answerId\":5},\"attributes\":{\"other\":1},\"id\":\"fallback\"}",
                "{\"attributes\":{\"answerId\":5},\"attributes\":7,\"id\":\"fallback\"}",
                "{\"attributes\":[1],\"attributes\":{\"answerId\":9}}",
                "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":1},\"scores\":{\"mean\":2}}}",
                "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":1,\"time\":2}}}",
                "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":1}},\"attributes\":{\"scores\":{\"time\":2}}}",
                "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":1}},\"attributes\":{\"x\":{\"scores\":{\"time\":2}}}}",
                "{\"id\":{\"a\":1},\"id\":5}",
                // _id members, escapes, unicode
                "{\"_id\":\"mongo\",\"id\":\"x\",\"attributes\":{\"_id\":1,\"answerId\":3}}",
                "{\"_id\":\"mongo\"}",
                "{\"\\u0069d\":\"escaped name\",\"attrib\\u0075tes\":{\"answer\\u0049d\":\"\\u0031\\u0032\"}}",
                "{\"id\":\"é😀\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\u0001\",\"attributes\":{\"scores\":{\"time\":\"2026-11-02\"}}}",
                "{\"id\":\"\\u0661\\u0662\",\"attributes\":{\"answerId\":\"\\u0661\"}}",
                "{\"id\":\"\",\"attributes\":{\"scores\":{\"time\":\"\"}}}",
                // whitespace and deep nesting
                " { \"id\" : \"w\" ,\n \"attributes\" : { \"a\" : [ [ [ { \"b\" : [ ] } ] ] ] , \"answerId\" : \" 5\" } } ",
                // items that are not objects
                "[1,{\"id\":2}]",
                "\"a string\"",
                "42",
                "4.2",
                "true",
                "null",
                "[]"
            })
    void keysAndValuesMatchTheItemsTree(String text) {
        assertSameAsTree(text);
    }

    @Test
    void randomItemsMatchTheirTrees() {
        // Combinations of the key-path members in every order, with duplicates and every kind of value.
        Random random = new Random(20261125L);
        for (int i = 0; i < 3000; i++) {
            assertSameAsTree(randomObject(random, 0));
        }
    }

    @Test
    void generatedItemsMatchTheirTreesToo() {
        // Surrogates, escapes, huge and odd numbers, deep nesting, members named twice anywhere.
        RandomJson json = new RandomJson(20261129L);
        for (int i = 0; i < 3000; i++) {
            assertSameAsTree(json.item());
        }
    }

    @Test
    void generatedItemsKeepEveryTokenAndEveryNumbersText() {
        RandomJson json = new RandomJson(7L);
        for (int i = 0; i < 3000; i++) {
            String text = json.item();
            List<String> copy = copies(text);
            assertThat(tokens(copy.get(0))).as(text).isEqualTo(tokens(text));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "{\"attributes\":{\"employeeId\":\"7001\"}}                                  | 7001",
                "{\"attributes\":{\"employeeId\":7001,\"answerId\":5}}                       | 7001",
                "{\"attributes\":{\"employeeId\":\" 07001\"}}                                | ' 07001'",
                "{\"attributes\":{\"employeeId\":null}}                                      | NONE",
                "{\"attributes\":{\"employeeId\":{\"id\":7001}}}                               | NONE",
                "{\"attributes\":{\"employeeId\":[7001]}}                                    | NONE",
                "{\"attributes\":{\"employeeId\":true}}                                      | NONE",
                "{\"attributes\":{\"employeeId\":\"1\",\"employeeId\":\"2\"}}                   | 2",
                "{\"attributes\":{\"employeeId\":\"1\"},\"attributes\":{\"answerId\":3}}        | NONE",
                "{\"attributes\":{\"employeeId\":\"1\"},\"attributes\":7}                      | NONE",
                "{\"employeeId\":\"1\",\"relationships\":{\"attributes\":{\"employeeId\":\"2\"}}} | NONE",
                "{\"attributes\":{\"x\":{\"employeeId\":\"2\"},\"scores\":{\"employeeId\":3}}}   | NONE"
            })
    void theEmployeeIdOfAnAnswerIsItsAttributeAsWritten(String item, String employeeId) {
        readOne(item, copy -> assertThat(copy.employeeId()).as(item).isEqualTo(employeeId));
    }

    @Test
    void theEmployeeIdIsForgottenWithTheItem() {
        List<String> seen = new ArrayList<>();
        PageReader.read(
                stream("{\"data\":[{\"attributes\":{\"employeeId\":\"1\"}},{\"id\":\"2\"}]}"),
                copy -> seen.add(String.valueOf(copy.employeeId())));
        assertThat(seen).containsExactly("1", "null");
    }

    @Test
    void floatsAndBigNumbersKeepTheirExactText() {
        String text = "{\"id\":\"1\",\"a\":1.10,\"b\":1e400,\"c\":-0.0,\"d\":123456789012345678901234567890,"
                + "\"e\":0.1000000000000000055511151231257827,\"f\":1E-7,\"g\":-0}";
        assertThat(copies(text)).containsExactly(text);
    }

    @Test
    void eachItemOverwritesTheLastInTheSameBuffer() {
        List<String> copies = copies("{\"id\":\"a long first item with a lot of text\"}", "{\"id\":\"b\"}");
        assertThat(copies).containsExactly("{\"id\":\"a long first item with a lot of text\"}", "{\"id\":\"b\"}");
    }

    private static void assertSameAsTree(String text) {
        JsonNode tree = ContractJson.mapper().readTree(text);
        readOne(text, item -> {
            assertThat(ContractJson.mapper().readTree(item.json(), 0, item.length()))
                    .as(text)
                    .isEqualTo(tree);
            for (PeakonCollection collection : PeakonCollection.values()) {
                for (String context : new String[] {CONTEXT, null}) {
                    DocumentKey expected = DocumentKeys.keyOf(collection, tree, context);
                    DocumentKey actual = DocumentKeys.naturalKeyOf(collection, item.keyParts(), context)
                            .orElseGet(() -> DocumentKeys.keyOf(collection, item.tree(), context));
                    assertThat(actual).as("%s key of %s", collection, text).isEqualTo(expected);
                }
            }
        });
    }

    private static void readOne(String item, java.util.function.Consumer<ItemCopy> check) {
        int[] seen = {0};
        PageReader.read(stream("{\"data\":[" + item + "]}"), copy -> {
            check.accept(copy);
            seen[0]++;
        });
        assertThat(seen[0]).isEqualTo(1);
    }

    private static List<String> copies(String... items) {
        List<String> copies = new ArrayList<>();
        PageReader.read(
                stream("{\"data\":[" + String.join(",", items) + "]}"),
                copy -> copies.add(new String(copy.json(), 0, copy.length(), StandardCharsets.UTF_8)));
        return copies;
    }

    /** The token stream of a JSON text: names, strings as their characters, numbers as their text. */
    private static List<String> tokens(String json) {
        List<String> tokens = new ArrayList<>();
        try (JsonParser parser = ContractJson.mapper().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.add(token
                        + (token.isScalarValue() || token == JsonToken.PROPERTY_NAME ? " " + parser.getString() : ""));
            }
        }
        return tokens;
    }

    private static final String[] NAMES = {"id", "attributes", "answerId", "scores", "time", "_id", "x"};
    private static final String[] SCALARS = {
        "7",
        "-3",
        "12.9",
        "1e400",
        "99999999999999999999",
        "\"42\"",
        "\" 17 \"",
        "\"x\"",
        "\"\"",
        "true",
        "null",
        "1.10",
        "\"12.5\"",
        "9223372036854775807"
    };

    /** An object whose members are drawn from the key-path names, nested up to four levels. */
    private static String randomObject(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(5);
        for (int m = 0; m < members; m++) {
            if (m > 0) {
                out.append(',');
            }
            out.append('"')
                    .append(NAMES[random.nextInt(NAMES.length)])
                    .append("\":")
                    .append(randomValue(random, depth));
        }
        return out.append('}').toString();
    }

    private static String randomValue(Random random, int depth) {
        int kind = random.nextInt(10);
        if (depth < 4 && kind < 4) {
            return randomObject(random, depth + 1);
        }
        if (depth < 4 && kind == 4) {
            return "[" + randomValue(random, depth + 1) + "," + randomValue(random, depth + 1) + "]";
        }
        return SCALARS[random.nextInt(SCALARS.length)];
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
