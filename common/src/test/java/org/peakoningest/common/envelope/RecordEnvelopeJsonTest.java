package org.peakoningest.common.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.Golden;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.common.keys.DocumentKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordEnvelopeJsonTest {

    private final JsonMapper mapper = ContractJson.mapper();
    private static final String RUN = "7f9c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";

    @Test
    void answerEnvelopeMatchesItsGoldenFileBothWays() {
        JsonNode golden = Golden.tree("envelope-answer.json");
        RecordEnvelope expected = RecordEnvelope.of(
                RUN,
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                "https://acme.peakon.com/api/v1/answers/export?per_page=10000",
                Instant.parse("2026-11-23T03:00:12.345678Z"),
                DocumentKey.of(123456),
                null,
                golden.get("item"));

        assertThat(mapper.readTree(mapper.writeValueAsBytes(expected))).isEqualTo(golden);
        RecordEnvelope read = mapper.readValue(Golden.text("envelope-answer.json"), RecordEnvelope.class);
        assertThat(read).isEqualTo(expected);
        assertThat(read.key()).isEqualTo(DocumentKeys.keyOf(PeakonCollection.ANSWERS_EXPORT, read.item(), null));
        assertThat(read.defect()).isEmpty();
    }

    @Test
    void scoreByDriverEnvelopeCarriesTheDriverAndATextKey() {
        JsonNode golden = Golden.tree("envelope-score-by-driver.json");
        RecordEnvelope expected = RecordEnvelope.of(
                RUN,
                PeakonCollection.SCORES_BY_DRIVER,
                "/scores/contexts/company_22182/group/autonomy",
                "https://acme.peakon.com/api/v1/scores/contexts/company_22182/group/autonomy",
                Instant.parse("2026-11-23T03:04:00Z"),
                DocumentKey.of("autonomy::segment_12::1763942400"),
                "autonomy",
                golden.get("item"));

        assertThat(mapper.readTree(mapper.writeValueAsBytes(expected))).isEqualTo(golden);
        RecordEnvelope read = mapper.readValue(Golden.text("envelope-score-by-driver.json"), RecordEnvelope.class);
        assertThat(read).isEqualTo(expected);
        assertThat(read.key())
                .isEqualTo(DocumentKeys.keyOf(PeakonCollection.SCORES_BY_DRIVER, read.item(), read.driverId()));
    }

    @Test
    void fetchedAtIsWrittenWithSixFractionalDigitsSoStringsSortLikeInstants() {
        RecordEnvelope whole = RecordEnvelope.of(
                RUN,
                PeakonCollection.DRIVERS,
                "/engagement/drivers",
                "u",
                Instant.parse("2026-11-23T03:04:00Z"),
                DocumentKey.of("a"),
                null,
                mapper.createObjectNode());
        RecordEnvelope later = RecordEnvelope.of(
                RUN,
                PeakonCollection.DRIVERS,
                "/engagement/drivers",
                "u",
                Instant.parse("2026-11-23T03:04:00.5Z"),
                DocumentKey.of("a"),
                null,
                mapper.createObjectNode());
        String a = mapper.valueToTree(whole).get("fetched_at").stringValue();
        String b = mapper.valueToTree(later).get("fetched_at").stringValue();
        assertThat(a).isEqualTo("2026-11-23T03:04:00.000000Z");
        assertThat(a).isLessThan(b);
    }

    @Test
    void unknownFieldsOfANewerProducerAreIgnored() {
        RecordEnvelope read =
                mapper.readValue(Golden.text("envelope-from-a-newer-producer.json"), RecordEnvelope.class);
        assertThat(read.knownCollection()).contains(PeakonCollection.EMPLOYEES);
        assertThat(read.key()).isEqualTo(DocumentKey.of(4711));
        assertThat(read.item().get("attributes").get("name").stringValue()).isEqualTo("Ada Example");
        assertThat(read.defect()).isEmpty();
    }

    @Test
    void defectsNameWhatIsMissing() {
        JsonNode item = mapper.createObjectNode();
        Instant now = Instant.parse("2026-11-23T03:04:00Z");
        assertThat(new RecordEnvelope(1, RUN, "employees", "/employees", "u", now, null, null, item).defect())
                .contains("envelope has no key");
        assertThat(new RecordEnvelope(1, RUN, "surveys", "/surveys", "u", now, DocumentKey.of(1), null, item).defect())
                .contains("unknown collection 'surveys'");
        assertThat(new RecordEnvelope(1, RUN, "employees", "/employees", "u", now, DocumentKey.of(1), null, null)
                        .defect())
                .contains("envelope has no item object");
    }

    @Test
    void aNewerSchemaVersionIsADefectNeverReadAsThisOne() {
        JsonNode item = mapper.createObjectNode();
        Instant now = Instant.parse("2026-11-23T03:04:00Z");
        RecordEnvelope newer =
                new RecordEnvelope(2, RUN, "employees", "/employees", "u", now, DocumentKey.of(1), null, item);
        assertThat(newer.defect()).contains("envelope schema_version 2 is newer than this consumer reads (1)");
        assertThat(mapper.readValue(mapper.writeValueAsBytes(newer), RecordEnvelope.class)
                        .defect())
                .contains("envelope schema_version 2 is newer than this consumer reads (1)");
        assertThat(new RecordEnvelope(1, RUN, "employees", "/employees", "u", now, DocumentKey.of(1), null, item)
                        .defect())
                .isEmpty();
    }
}
