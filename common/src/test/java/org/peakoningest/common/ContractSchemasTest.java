package org.peakoningest.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peakoningest.common.envelope.RecordEnvelope;
import org.peakoningest.common.json.ContractJson;
import org.peakoningest.common.keys.DocumentKeys;
import org.peakoningest.common.runs.CollectionStats;
import org.peakoningest.common.runs.CollectionStatus;
import org.peakoningest.common.runs.RunFinished;
import org.peakoningest.common.runs.RunStatus;
import org.peakoningest.common.runs.SyncMode;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas ({@code docs/contract/}) accept what the code writes and the golden files, and reject
 * what the contract forbids: the documents outside consumers rely on cannot drift from the code.
 */
class ContractSchemasTest {

    private static final Path CONTRACT = Path.of("..", "docs", "contract");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String file) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(CONTRACT.resolve(file)));
    }

    private static Set<ValidationMessage> validate(String schemaFile, String json) throws IOException {
        return schema(schemaFile).validate(JSON.readTree(json));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"envelope-answer.json", "envelope-score-by-driver.json", "envelope-from-a-newer-producer.json"})
    void goldenEnvelopesAreValid(String golden) throws IOException {
        assertThat(validate("record-envelope.schema.json", Golden.text(golden))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "run-started.json",
                "collection-finished.json",
                "run-finished.json",
                "run-event-of-a-future-type.json"
            })
    void goldenRunEventsAreValid(String golden) throws IOException {
        assertThat(validate("run-event.schema.json", Golden.text(golden))).isEmpty();
    }

    @Test
    void whatTheCodeWritesIsValid() throws IOException {
        JsonNode item = ContractJson.mapper().readTree("{\"id\":\"x\",\"attributes\":{}}");
        RecordEnvelope envelope = RecordEnvelope.of(
                "r1",
                PeakonCollection.DRIVERS,
                "/engagement/drivers",
                "https://x.peakon.com/api/v1/engagement/drivers",
                Instant.parse("2026-01-01T00:00:00Z"),
                DocumentKeys.keyOf(PeakonCollection.DRIVERS, item, null),
                null,
                item);
        assertThat(validate("record-envelope.schema.json", ContractJson.mapper().writeValueAsString(envelope)))
                .isEmpty();

        RunFinished finished = RunFinished.of(
                "r1",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:01:00Z"),
                SyncMode.FULL,
                RunStatus.SUCCESS,
                null,
                java.util.Map.of("drivers", new CollectionStats(CollectionStatus.SUCCESS, 1, 1, List.of(), null)));
        assertThat(validate("run-event.schema.json", ContractJson.mapper().writeValueAsString(finished)))
                .isEmpty();
    }

    @Test
    void anEnvelopeWithoutKeyOrWithAVariableWidthTimestampIsInvalid() throws IOException {
        String golden = Golden.text("envelope-answer.json");
        assertThat(validate("record-envelope.schema.json", golden.replace("\"key\": 123456,", "")))
                .isNotEmpty();
        assertThat(validate(
                        "record-envelope.schema.json",
                        golden.replace("2026-11-23T03:00:12.345678Z", "2026-11-23T03:00:12Z")))
                .isNotEmpty();
        assertThat(validate("record-envelope.schema.json", golden.replace("\"answers_export\",", "\"surveys\",")))
                .isNotEmpty();
    }

    @Test
    void anAbandonedRunIsValid() throws IOException {
        // Published by another fetcher for a run whose fetcher died: only the collections it had finished.
        RunFinished abandoned = RunFinished.of(
                "r1",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:12:00Z"),
                SyncMode.INCREMENTAL,
                RunStatus.ABANDONED,
                "abandoned: the fetcher stopped mid-run",
                java.util.Map.of("drivers", new CollectionStats(CollectionStatus.SUCCESS, 1, 1, List.of(), null)));
        assertThat(validate("run-event.schema.json", ContractJson.mapper().writeValueAsString(abandoned)))
                .isEmpty();
        assertThat(validate(
                        "run-event.schema.json",
                        Golden.text("run-finished.json").replace("\"status\": \"partial\",", "\"status\": \"lost\",")))
                .isNotEmpty();
    }

    @Test
    void aRunFinishedWithoutStatusIsInvalid() throws IOException {
        assertThat(validate(
                        "run-event.schema.json",
                        Golden.text("run-finished.json").replace("\"status\": \"partial\",", "")))
                .isNotEmpty();
    }
}
