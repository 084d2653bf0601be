package org.peakoningest.common.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.JsonNode;

class CanonicalJsonTest {

    static JsonNode json(String text) {
        return ContractJson.mapper().readTree(text);
    }

    @Test
    void membersAreSortedAndWhitespaceRemovedAtEveryLevel() {
        assertThat(CanonicalJson.write(json("{ \"b\": 1, \"a\": { \"d\": [3, {\"z\":1,\"y\":2}], \"c\": null } }")))
                .isEqualTo("{\"a\":{\"c\":null,\"d\":[3,{\"y\":2,\"z\":1}]},\"b\":1}");
    }

    @Test
    void numbersHaveOneSpellingWhateverTheSourceText() {
        assertThat(CanonicalJson.write(json("[1.10, 1.1, 11e-1, 1e2, 100, -0.50, 12345678901234567890]")))
                .isEqualTo("[1.1,1.1,1.1,100,100,-0.5,12345678901234567890]");
    }

    @Test
    void stringsAreEscapedMinimallyAndKeepUnicode() {
        assertThat(CanonicalJson.write(json("{\"t\":\"Grüße \\\"quoted\\\"\\n\\u0001 ✓\"}")))
                .isEqualTo("{\"t\":\"Grüße \\\"quoted\\\"\\n\\u0001 ✓\"}");
    }

    @Test
    void sameItemGivesTheSameHashWhateverTheMemberOrderOrFormatting() {
        String a = CanonicalJson.sha256(json("{\"id\":\"x\",\"attributes\":{\"score\":7.0,\"tags\":[\"a\"]}}"));
        String b = CanonicalJson.sha256(
                json("{\n \"attributes\": {\"tags\": [\"a\"], \"score\": 7.00},\n \"id\": \"x\"}"));
        assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void hashIsPinnedSoItCannotDriftBetweenReleasesOrJvms() {
        // The hash is a document key stored in Mongo: if this value ever changes, every hash-keyed document of
        // every existing deployment would be duplicated on the next run. Independently computed:
        // printf '{"a":1,"b":[true,null,"é"]}' | sha256sum
        assertThat(CanonicalJson.sha256(json("{\"b\":[true,null,\"é\"],\"a\":1.0}")))
                .isEqualTo("9488dd13ca33d3291f5a91a1833dfa164811755ffba538c2b340780f8c31a0cb");
    }

    @Test
    void differentItemsGiveDifferentHashes() {
        assertThat(CanonicalJson.sha256(json("{\"a\":1}"))).isNotEqualTo(CanonicalJson.sha256(json("{\"a\":2}")));
        assertThat(CanonicalJson.sha256(json("{\"a\":\"1\"}"))).isNotEqualTo(CanonicalJson.sha256(json("{\"a\":1}")));
    }
}
