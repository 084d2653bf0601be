package org.peakoningest.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peakoningest.common.PeakonCollection.ANSWERS_EXPORT;
import static org.peakoningest.common.PeakonCollection.DRIVERS;
import static org.peakoningest.common.PeakonCollection.DRIVERS_CATALOG;
import static org.peakoningest.common.PeakonCollection.EMPLOYEES;
import static org.peakoningest.common.PeakonCollection.SCORES_BY_DRIVER;
import static org.peakoningest.common.PeakonCollection.SCORES_CONTEXTS;
import static org.peakoningest.common.PeakonCollection.SEGMENTS;
import static org.peakoningest.common.PeakonCollection.SEGMENT_SCORES;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.JsonNode;

class DocumentKeysTest {

    static JsonNode json(String text) {
        return ContractJson.mapper().readTree(text);
    }

    @Nested
    class RecordKeysBack {

        @Test
        void theRecordKeyOfADocumentNamesThatDocumentAgain() {
            for (DocumentKey key : java.util.List.of(
                    DocumentKey.of(42),
                    DocumentKey.of(-3_000_000_000L),
                    DocumentKey.of("engagement::abc::1700000000"),
                    DocumentKey.of("42"),
                    DocumentKey.of("quote \" and é \u0001"))) {
                assertThat(DocumentKey.fromKafkaKey(key.kafkaKey())).contains(key);
            }
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(
                strings = {"042", " 42", "42.0", "1e3", "abc", "null", "[1]", "\"a\" x", "99999999999999999999", ""})
        void aKeyTheContractNeverWritesNamesNoDocument(String recordKey) {
            assertThat(DocumentKey.fromKafkaKey(recordKey)).isEmpty();
        }
    }

    @Nested
    class Answers {
        @Test
        void keyIsTheIntegerAnswerId() {
            DocumentKey key = DocumentKeys.keyOf(
                    ANSWERS_EXPORT, json("{\"id\":\"900\",\"attributes\":{\"answerId\":12345}}"), null);
            assertThat(key).isEqualTo(DocumentKey.of(12345));
            assertThat(key.mongoValue()).isEqualTo(12345).isInstanceOf(Integer.class);
        }

        @Test
        void numericStringAnswerIdIsParsedLikePythonInt() {
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT, json("{\"id\":\"900\",\"attributes\":{\"answerId\":\" 77 \"}}"), null))
                    .isEqualTo(DocumentKey.of(77));
        }

        @Test
        void floatAnswerIdIsTruncatedLikePythonInt() {
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT, json("{\"id\":\"900\",\"attributes\":{\"answerId\":12.9}}"), null))
                    .isEqualTo(DocumentKey.of(12));
        }

        @Test
        void missingAnswerIdFallsBackToIdAsGiven() {
            assertThat(DocumentKeys.keyOf(ANSWERS_EXPORT, json("{\"id\":\"900\",\"attributes\":{}}"), null))
                    .isEqualTo(DocumentKey.of("900"));
        }

        @Test
        void unparseableAnswerIdFallsBackToId() {
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT, json("{\"id\":\"a-1\",\"attributes\":{\"answerId\":\"12.5\"}}"), null))
                    .isEqualTo(DocumentKey.of("a-1"));
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT, json("{\"id\":\"a-1\",\"attributes\":{\"answerId\":true}}"), null))
                    .isEqualTo(DocumentKey.of("a-1"));
        }

        @Test
        void noAnswerIdAndNoIdFallsBackToTheHash() {
            JsonNode item = json("{\"attributes\":{\"answerScore\":7}}");
            assertThat(DocumentKeys.keyOf(ANSWERS_EXPORT, item, null))
                    .isEqualTo(DocumentKey.of(CanonicalJson.sha256(item)));
        }

        @Test
        void answerIdBeyond32BitsIsStoredAsInt64() {
            DocumentKey key =
                    DocumentKeys.keyOf(ANSWERS_EXPORT, json("{\"attributes\":{\"answerId\":4294967296}}"), null);
            assertThat(key.mongoValue()).isEqualTo(4294967296L).isInstanceOf(Long.class);
        }
    }

    @Nested
    class Employees {
        @Test
        void numericStringIdBecomesAnInteger() {
            DocumentKey key = DocumentKeys.keyOf(EMPLOYEES, json("{\"id\":\"4711\",\"type\":\"employees\"}"), null);
            assertThat(key).isEqualTo(DocumentKey.of(4711));
            assertThat(key.mongoValue()).isEqualTo(4711);
        }

        @Test
        void nonNumericIdStaysAString() {
            DocumentKey key = DocumentKeys.keyOf(EMPLOYEES, json("{\"id\":\"ext-4711\"}"), null);
            assertThat(key).isEqualTo(DocumentKey.of("ext-4711"));
            assertThat(key.mongoValue()).isEqualTo("ext-4711");
        }

        @Test
        void intAndStringKeysAreDifferentDocuments() {
            DocumentKey numeric = DocumentKeys.keyOf(EMPLOYEES, json("{\"id\":\"42\"}"), null);
            DocumentKey text = DocumentKeys.keyOf(ANSWERS_EXPORT, json("{\"id\":\"42\"}"), null);
            assertThat(numeric).isNotEqualTo(text);
            assertThat(numeric.mongoValue()).isEqualTo(42);
            assertThat(text.mongoValue()).isEqualTo("42");
            assertThat(numeric.kafkaKey()).isEqualTo("42");
            assertThat(text.kafkaKey()).isEqualTo("\"42\"");
        }
    }

    @Test
    void driversAreKeyedByTheirStringId() {
        assertThat(DocumentKeys.keyOf(DRIVERS, json("{\"id\":\"autonomy\",\"type\":\"engagement_drivers\"}"), null))
                .isEqualTo(DocumentKey.of("autonomy"));
    }

    @Test
    void driverWithoutIdFallsBackToTheHash() {
        JsonNode item = json("{\"type\":\"engagement_drivers\"}");
        assertThat(DocumentKeys.keyOf(DRIVERS, item, null)).isEqualTo(DocumentKeys.hashOf(item));
    }

    @Test
    void catalogRowsAreKeyedByTheNumericId() {
        assertThat(DocumentKeys.keyOf(
                        DRIVERS_CATALOG, json("{\"id\":1527152,\"driver\":\"Engagement\",\"subdriver\":null}"), null))
                .isEqualTo(DocumentKey.of(1527152));
    }

    @Nested
    class Scores {
        @Test
        void contextKeyJoinsGroupIdAndTime() {
            JsonNode item = json("{\"id\":\"ctx_1\",\"attributes\":{\"scores\":{\"mean\":7.5,\"time\":1700000000}}}");
            assertThat(DocumentKeys.keyOf(SCORES_CONTEXTS, item, "engagement"))
                    .isEqualTo(DocumentKey.of("engagement::ctx_1::1700000000"));
        }

        @Test
        void byDriverKeyJoinsDriverIdAndTime() {
            JsonNode item = json("{\"id\":\"ctx_1\",\"attributes\":{\"scores\":{\"time\":\"2026-11-02\"}}}");
            assertThat(DocumentKeys.keyOf(SCORES_BY_DRIVER, item, "autonomy"))
                    .isEqualTo(DocumentKey.of("autonomy::ctx_1::2026-11-02"));
        }

        @Test
        void fractionalTimeIsPrintedLikePython() {
            JsonNode item = json("{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":1.5}}}");
            assertThat(DocumentKeys.keyOf(SCORES_CONTEXTS, item, "engagement"))
                    .isEqualTo(DocumentKey.of("engagement::c::1.5"));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"id\":\"c\",\"attributes\":{\"scores\":{\"mean\":1}}}",
                    "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":null}}}",
                    "{\"id\":\"c\",\"attributes\":{}}",
                    "{\"attributes\":{\"scores\":{\"time\":5}}}"
                })
        void missingPartFallsBackToTheHash(String text) {
            JsonNode item = json(text);
            assertThat(DocumentKeys.keyOf(SCORES_CONTEXTS, item, "engagement")).isEqualTo(DocumentKeys.hashOf(item));
            assertThat(DocumentKeys.keyOf(SCORES_BY_DRIVER, item, "autonomy")).isEqualTo(DocumentKeys.hashOf(item));
        }

        @Test
        void missingGroupFallsBackToTheHash() {
            JsonNode item = json("{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":5}}}");
            assertThat(DocumentKeys.keyOf(SCORES_BY_DRIVER, item, null)).isEqualTo(DocumentKeys.hashOf(item));
        }
    }

    @Nested
    class Segments {
        @Test
        void aSegmentIsKeyedByItsIdAsItCame() {
            assertThat(DocumentKeys.keyOf(SEGMENTS, json("{\"id\":\"17\",\"type\":\"segments\"}"), null))
                    .isEqualTo(DocumentKey.of("17"));
            assertThat(DocumentKeys.keyOf(SEGMENTS, json("{\"id\":17}"), null)).isEqualTo(DocumentKey.of(17));
        }

        @Test
        void aSegmentScoreJoinsGroupSegmentIdAndTime() {
            JsonNode item = json("{\"id\":\"engagement\",\"attributes\":{\"scores\":{\"time\":1700000000}}}");
            assertThat(DocumentKeys.keyOf(SEGMENT_SCORES, item, DocumentKeys.segmentContext("engagement", "17")))
                    .isEqualTo(DocumentKey.of("engagement::segment_17::engagement::1700000000"));
        }

        @Test
        void aSegmentScoreWithoutTimeFallsBackToTheHash() {
            JsonNode item = json("{\"id\":\"engagement\",\"attributes\":{\"scores\":{}}}");
            assertThat(DocumentKeys.keyOf(SEGMENT_SCORES, item, DocumentKeys.segmentContext("engagement", "17")))
                    .isEqualTo(DocumentKeys.hashOf(item));
        }
    }

    @Nested
    class NaturalKey {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":12345}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\" +77 \"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"-0012\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"99999999999999999999\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"9223372036854775807\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"-9223372036854775808\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"+\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":\"\u0661\u0662\"}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":-12.9}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":1e400}}",
                    "{\"id\":\"900\",\"attributes\":{\"answerId\":123456789012345678901234567890}}",
                    "{\"id\":12,\"attributes\":{\"answerId\":[1]}}",
                    "{\"id\":12.5,\"attributes\":{\"answerId\":null}}",
                    "{\"id\":{\"x\":1}}",
                    "{\"id\":\"c\",\"attributes\":{\"scores\":{\"time\":1700000000}}}",
                    "{\"id\":7,\"attributes\":{\"scores\":{\"time\":1.5e3}}}",
                    "{\"id\":7,\"attributes\":{\"scores\":{\"time\":true}}}",
                    "{\"attributes\":{\"scores\":{\"time\":5}}}",
                    "[1,2]",
                    "\"a string item\"",
                    "{}"
                })
        void isEmptyExactlyWhenTheKeyIsTheHash(String text) {
            JsonNode item = json(text);
            for (var collection : org.peakoningest.common.PeakonCollection.values()) {
                DocumentKey key = DocumentKeys.keyOf(collection, item, "engagement");
                assertThat(DocumentKeys.naturalKeyOf(collection, item, "engagement"))
                        .as("%s of %s", collection, text)
                        .isEqualTo(
                                key.equals(DocumentKeys.hashOf(item))
                                        ? java.util.Optional.empty()
                                        : java.util.Optional.of(key));
            }
        }

        @Test
        void numericStringsParseLikePythonIntAtTheLimitsOfALong() {
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT,
                            json("{\"id\":\"a\",\"attributes\":{\"answerId\":\"9223372036854775807\"}}"),
                            null))
                    .isEqualTo(DocumentKey.of(Long.MAX_VALUE));
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT,
                            json("{\"id\":\"a\",\"attributes\":{\"answerId\":\"-000000000000000000000042\"}}"),
                            null))
                    .isEqualTo(DocumentKey.of(-42));
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT,
                            json("{\"id\":\"a\",\"attributes\":{\"answerId\":\"9223372036854775808\"}}"),
                            null))
                    .as("beyond 64 bits: falls back to id")
                    .isEqualTo(DocumentKey.of("a"));
            assertThat(DocumentKeys.keyOf(
                            ANSWERS_EXPORT,
                            json("{\"id\":\"a\",\"attributes\":{\"answerId\":\"\u0661\u0662\"}}"),
                            null))
                    .as("only ASCII digits, as before")
                    .isEqualTo(DocumentKey.of("a"));
        }
    }
}
