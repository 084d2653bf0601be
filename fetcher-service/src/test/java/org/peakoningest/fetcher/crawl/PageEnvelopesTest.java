package org.peakoningest.fetcher.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.kafka.ContractDeserializer;
import org.peakoningest.common.kafka.ContractSerializer;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.fetcher.publish.RecordPublisher;
import tools.jackson.databind.JsonNode;

/**
 * The streamed envelopes (item bytes copied, key from the key parts) are what the tree path published: one tree
 * per item, {@link DocumentKeys#keyOf}, {@link RecordEnvelope} written by {@link ContractSerializer}.
 */
class PageEnvelopesTest {

    private static final String RUN = "7f9c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";
    private static final String URL = "https://acme.peakon.com/api/v1/answers/export?per_page=3&continuation=c1";
    private static final Instant FETCHED_AT = Instant.parse("2026-11-23T03:00:12.345678Z");

    private static final String ANSWERS = "{\"links\":{\"next\":\"/answers/export?c=2\"},\"meta\":{\"page\":1},"
            + "\"data\":["
            + "{\"id\":\"101\",\"type\":\"answers_export\",\"attributes\":{\"answerId\":101,\"answerScore\":8,"
            + "\"answerComment\":\"Great team \\\"really\\\" \\\\o/ \\u00e9\\ud83d\\ude00\\n\\tend\\u0001\","
            + "\"nested\":{\"a\":[1,[2,[3,{\"b\":null}]],{\"c\":true,\"d\":false}]}},"
            + "\"relationships\":{\"employee\":{\"data\":{\"id\":\"4711\",\"type\":\"employees\"}}}},\n"
            + "  { \"id\" : \"102\" , \"attributes\" : { \"answerId\" : \"102\", \"big\" : 123456789012345678901234567890,"
            + " \"neg\": -9223372036854775808 } },"
            + "{\"id\":\"103\",\"attributes\":{\"answerId\":null,\"unicodeName\\u00e9\":\"\\/slash\"}},"
            + "{\"attributes\":{\"answerScore\":7,\"comment\":\"no id at all: the key is the hash\"}}"
            + "],\"included\":[{\"id\":\"skipped\"}]}";

    @Test
    void answersAreByteIdenticalToTheTreePath() {
        List<Published> streamed = stream(PeakonCollection.ANSWERS_EXPORT, null, null, ANSWERS);
        List<Published> tree = treePath(PeakonCollection.ANSWERS_EXPORT, null, null, ANSWERS);

        assertThat(streamed).hasSize(4);
        for (int i = 0; i < tree.size(); i++) {
            assertThat(streamed.get(i).key()).isEqualTo(tree.get(i).key());
            assertThat(streamed.get(i).json()).isEqualTo(tree.get(i).json());
        }
        assertThat(streamed.get(3).key())
                .isEqualTo(DocumentKeys.hashOf(
                        ContractJson.mapper().readTree(ANSWERS).at("/data/3")));
    }

    @Test
    void floatsKeepTheirTextAndMeanTheSameValues() {
        String page = "{\"data\":[{\"id\":\"s1\",\"attributes\":{\"scores\":{\"mean\":1.10,\"time\":1700000000,"
                + "\"nps\":-0.0,\"tiny\":1e-400,\"e\":2.5E+3,\"big\":123456789012345678901234567890.5}}},"
                + "{\"id\":\"s2\",\"attributes\":{\"scores\":{\"time\":1.5,\"x\":1.10}},\"dup\":1,\"dup\":2}]}";
        List<Published> streamed = stream(PeakonCollection.SCORES_BY_DRIVER, "autonomy", "autonomy", page);
        List<Published> tree = treePath(PeakonCollection.SCORES_BY_DRIVER, "autonomy", "autonomy", page);

        assertThat(streamed)
                .extracting(Published::key)
                .containsExactly(DocumentKey.of("autonomy::s1::1700000000"), DocumentKey.of("autonomy::s2::1.5"));
        for (int i = 0; i < tree.size(); i++) {
            assertThat(streamed.get(i).key()).isEqualTo(tree.get(i).key());
            // the same JSON values once read (a consumer reads floats as doubles, duplicates last-wins) ...
            assertThat(readEnvelope(streamed.get(i))).isEqualTo(readEnvelope(tree.get(i)));
        }
        // ... but the numbers are Peakon's own text, where the tree path wrote the double again
        assertThat(streamed.get(0).json())
                .contains("\"mean\":1.10,")
                .contains("\"big\":123456789012345678901234567890.5");
        assertThat(tree.get(0).json()).contains("\"mean\":1.1,");
    }

    @Test
    void aNumberBeyondDoubleStaysANumber() {
        // The tree path turned 1e400 into the *string* "Infinity"; the copy keeps the number as Peakon sent it.
        String page = "{\"data\":[{\"id\":\"e1\",\"attributes\":{\"answerId\":5,\"x\":1e400,\"y\":-1e400}}]}";
        Published streamed =
                stream(PeakonCollection.ANSWERS_EXPORT, null, null, page).get(0);
        Published tree =
                treePath(PeakonCollection.ANSWERS_EXPORT, null, null, page).get(0);

        assertThat(streamed.key()).isEqualTo(tree.key()).isEqualTo(DocumentKey.of(5));
        assertThat(streamed.json()).contains("\"x\":1e400,\"y\":-1e400");
        assertThat(tree.json()).contains("\"x\":\"Infinity\"");
        assertThat(readEnvelope(streamed).item().at("/attributes/x").isNumber()).isTrue();
    }

    @Test
    void aSingleObjectAsDataAndMetaAfterIt() {
        String page = "{\"data\":{\"id\":\"autonomy\",\"type\":\"engagement_drivers\",\"attributes\":{\"n\":[1,2]}},"
                + "\"meta\":{\"page\":1,\"pages\":1},\"links\":{\"next\":null}}";
        List<Published> streamed = stream(PeakonCollection.DRIVERS, null, null, page);
        List<Published> tree = treePath(PeakonCollection.DRIVERS, null, null, page);

        assertThat(streamed).hasSize(1);
        assertThat(streamed.get(0).key()).isEqualTo(DocumentKey.of("autonomy"));
        assertThat(streamed.get(0).json()).isEqualTo(tree.get(0).json());
    }

    @Test
    void itemsThatAreNotObjectsAreKeyedByTheirHash() {
        String page = "{\"data\":[[1,{\"id\":2}],\"text\",42,null,{\"id\":7}]}";
        List<Published> streamed = stream(PeakonCollection.EMPLOYEES, null, null, page);
        List<Published> tree = treePath(PeakonCollection.EMPLOYEES, null, null, page);

        assertThat(streamed).hasSize(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            assertThat(streamed.get(i).key()).isEqualTo(tree.get(i).key());
            assertThat(streamed.get(i).json()).isEqualTo(tree.get(i).json());
        }
    }

    @Test
    void theSmallCollectionsStillSeeEveryItemsTreeAndTheLargestNumericKeyIsKept() {
        String page = "{\"data\":[{\"id\":\"7001\"},{\"id\":\"ext-1\"},{\"id\":9000},{\"id\":\"12\"}]}";
        List<JsonNode> seen = new ArrayList<>();
        PageEnvelopes envelopes = new PageEnvelopes(
                RUN, PeakonCollection.EMPLOYEES, "/employees", URL, null, null, new Capture(), seen::add);
        PageReader.read(
                new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                item -> envelopes.accept(item, FETCHED_AT));

        assertThat(seen).extracting(n -> n.path("id").asString()).containsExactly("7001", "ext-1", "9000", "12");
        assertThat(envelopes.maxNumericKey()).hasValue(9000);
    }

    /** What the fetcher publishes now. */
    private static List<Published> stream(PeakonCollection collection, String context, String driverId, String page) {
        Capture batch = new Capture();
        PageEnvelopes envelopes = new PageEnvelopes(RUN, collection, "/endpoint", URL, context, driverId, batch, null);
        PageReader.read(
                new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                item -> envelopes.accept(item, FETCHED_AT));
        return batch.published;
    }

    /** What it published before: a tree per item and the envelope record through the contract serializer. */
    private static List<Published> treePath(PeakonCollection collection, String context, String driverId, String page) {
        JsonNode data = ContractJson.mapper().readTree(page).path("data");
        List<JsonNode> items = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(items::add);
        } else {
            items.add(data);
        }
        List<Published> published = new ArrayList<>();
        for (JsonNode item : items) {
            DocumentKey key = DocumentKeys.keyOf(collection, item, context);
            RecordEnvelope envelope =
                    RecordEnvelope.of(RUN, collection, "/endpoint", URL, FETCHED_AT, key, driverId, item);
            published.add(new Published(key, new ContractSerializer<RecordEnvelope>().serialize("t", envelope)));
        }
        return published;
    }

    private static RecordEnvelope readEnvelope(Published published) {
        return new ContractDeserializer.Envelopes().deserialize("t", published.value());
    }

    record Published(DocumentKey key, byte[] value) {
        String json() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    /** A batch that keeps what it was given. */
    private static final class Capture implements RecordPublisher.Batch {
        final List<Published> published = new ArrayList<>();

        @Override
        public void publish(DocumentKey key, byte[] envelope) {
            published.add(new Published(key, envelope));
        }

        @Override
        public long awaitAcknowledged() {
            return published.size();
        }

        @Override
        public long acknowledged() {
            return published.size();
        }

        @Override
        public long distinctKeys() {
            return published.size();
        }
    }
}
