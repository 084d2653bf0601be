package org.peakoningest.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKey;
import org.peakoningest.writer.WriterFixture;
import tools.jackson.databind.node.ObjectNode;

class DocumentMapperTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00.5Z");

    @Test
    void documentIsTheRawItemPlusTheBriefsMetadataAndTheSourceCoordinates() {
        ObjectNode item = (ObjectNode) ContractJson.mapper().readTree("""
                {"id":"17","type":"answers_export","attributes":{"answerId":17,"answerScore":9.5,
                 "big":12345678901,"huge":123456789012345678901234567890,"tags":["a",null,true],
                 "answerComment":null}}""");
        RecordEnvelope envelope = RecordEnvelope.of(
                "run-1",
                PeakonCollection.ANSWERS_EXPORT,
                "/answers/export",
                "https://acme.peakon.com/api/v1/answers/export?per_page=10000",
                AT,
                DocumentKey.of(17),
                null,
                item);

        PendingDocument pending =
                DocumentMapper.toPending(WriterFixture.decoded(envelope), PeakonCollection.ANSWERS_EXPORT, 2, 42, null);
        Document doc = pending.document().decode(new DocumentCodec());

        assertThat(doc.get("_id")).isEqualTo(17);
        assertThat(List.copyOf(doc.keySet()))
                .containsExactly(
                        "_id", "id", "type", "attributes", "fetched_at", "run_id", "endpoint", "source_url", "_source");
        assertThat(doc)
                .containsEntry("id", "17")
                .containsEntry("fetched_at", "2026-11-25T10:00:00.500000Z")
                .containsEntry("run_id", "run-1")
                .containsEntry("endpoint", "/answers/export");
        Document attributes = doc.get("attributes", Document.class);
        assertThat(attributes.get("answerId")).isEqualTo(17);
        assertThat(attributes.get("answerScore")).isEqualTo(9.5);
        assertThat(attributes.get("big")).isEqualTo(12345678901L);
        assertThat(attributes.get("huge")).isInstanceOf(Decimal128.class);
        assertThat(attributes.getList("tags", Object.class)).containsExactly("a", null, true);
        assertThat(attributes.containsKey("answerComment")).isTrue();
        assertThat(doc.get("_source", Document.class))
                .containsEntry("partition", 2)
                .containsEntry("offset", 42L);
        assertThat(doc).doesNotContainKey("driver_id");
    }

    @Test
    void keysKeepTheirKindAndScoresByDriverCarryTheDriver() {
        ObjectNode item = ContractJson.mapper().createObjectNode().put("id", "x");
        RecordEnvelope text = RecordEnvelope.of(
                "r",
                PeakonCollection.SCORES_BY_DRIVER,
                "/scores",
                "u",
                AT,
                DocumentKey.of("autonomy::x::1700000000"),
                "autonomy",
                item);
        Document byDriver = DocumentMapper.toPending(
                        WriterFixture.decoded(text), PeakonCollection.SCORES_BY_DRIVER, 0, 0, null)
                .document()
                .decode(new DocumentCodec());
        assertThat(byDriver).containsEntry("_id", "autonomy::x::1700000000").containsEntry("driver_id", "autonomy");

        RecordEnvelope wide = RecordEnvelope.of(
                "r", PeakonCollection.EMPLOYEES, "/employees", "u", AT, DocumentKey.of(3_000_000_000L), null, item);
        assertThat(DocumentMapper.toPending(WriterFixture.decoded(wide), PeakonCollection.EMPLOYEES, 0, 0, null)
                        .id())
                .isEqualTo(3_000_000_000L);
    }

    @Test
    void anItemMemberNamedIdCannotOverrideTheContractKey() {
        ObjectNode item = ContractJson.mapper()
                .createObjectNode()
                .put("_id", "spoofed")
                .put("run_id", "spoofed")
                .put("name", "Growth")
                .put("fetched_at", "spoofed")
                .put("driver_id", "kept: not scores_by_driver");
        item.putObject("_source").put("offset", 999_999);
        RecordEnvelope envelope = RecordEnvelope.of(
                "real-run",
                PeakonCollection.DRIVERS,
                "/engagement/drivers",
                "u",
                AT,
                DocumentKey.of("growth"),
                null,
                item);
        Document doc = DocumentMapper.toPending(WriterFixture.decoded(envelope), PeakonCollection.DRIVERS, 0, 0, null)
                .document()
                .decode(new DocumentCodec());
        assertThat(doc)
                .containsEntry("_id", "growth")
                .containsEntry("run_id", "real-run")
                .containsEntry("fetched_at", "2026-11-25T10:00:00.500000Z")
                .containsEntry("driver_id", "kept: not scores_by_driver")
                .containsEntry("name", "Growth");
        assertThat(doc.get("_source", Document.class)).containsEntry("offset", 0L);
        // Each name once: BSON allows a name twice, and MongoDB would then keep an arbitrary one.
        assertThat(List.copyOf(doc.keySet()))
                .containsExactly(
                        "_id", "name", "driver_id", "fetched_at", "run_id", "endpoint", "source_url", "_source");
    }

    @Test
    void onScoresByDriverTheEnvelopesDriverReplacesAnItemMemberOfThatName() {
        ObjectNode item = ContractJson.mapper()
                .createObjectNode()
                .put("id", "x")
                .put("driver_id", "spoofed")
                .put("after", 1);
        RecordEnvelope envelope = RecordEnvelope.of(
                "r",
                PeakonCollection.SCORES_BY_DRIVER,
                "/scores",
                "u",
                AT,
                DocumentKey.of("autonomy::x::1"),
                "autonomy",
                item);
        Document doc = DocumentMapper.toPending(
                        WriterFixture.decoded(envelope), PeakonCollection.SCORES_BY_DRIVER, 0, 0, null)
                .document()
                .decode(new DocumentCodec());
        assertThat(List.copyOf(doc.keySet()))
                .containsExactly(
                        "_id", "id", "after", "fetched_at", "run_id", "endpoint", "source_url", "driver_id", "_source");
        assertThat(doc).containsEntry("driver_id", "autonomy").containsEntry("after", 1);
    }
}
