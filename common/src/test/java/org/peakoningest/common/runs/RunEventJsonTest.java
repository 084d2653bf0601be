package org.peakoningest.common.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.Golden;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.json.JsonMapper;

class RunEventJsonTest {

    private final JsonMapper mapper = ContractJson.mapper();
    private static final String RUN = "7f9c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";

    private void assertGolden(String file, RunEvent expected) {
        assertThat(mapper.readTree(mapper.writeValueAsBytes(expected))).isEqualTo(Golden.tree(file));
        assertThat(mapper.readValue(Golden.text(file), RunEvent.class)).isEqualTo(expected);
    }

    @Test
    void runStarted() {
        assertGolden(
                "run-started.json",
                RunStarted.of(
                        RUN,
                        Instant.parse("2026-11-23T03:00:00Z"),
                        SyncMode.INCREMENTAL,
                        List.of(
                                "drivers_catalog",
                                "drivers",
                                "employees",
                                "answers_export",
                                "scores_contexts",
                                "scores_by_driver")));
    }

    @Test
    void collectionFinishedWithASkippedDriver() {
        assertGolden(
                "collection-finished.json",
                CollectionFinished.of(
                        RUN,
                        Instant.parse("2026-11-23T03:05:10Z"),
                        PeakonCollection.SCORES_BY_DRIVER.collectionName(),
                        new CollectionStats(
                                CollectionStatus.SUCCESS,
                                340,
                                16,
                                List.of(new SkippedRequest("free_opinions", 422, "Invalid group")),
                                null,
                                338L)));
    }

    @Test
    void expectedDocumentsAreTheDistinctKeysWhenKnownElseThePublishedRecords() {
        assertThat(new CollectionStats(CollectionStatus.SUCCESS, 340, 16, null, null, 338L).expectedDocuments())
                .isEqualTo(338);
        CollectionStats fromAnOlderFetcher =
                mapper.readValue("{\"status\":\"success\",\"published\":340,\"pages\":16}", CollectionStats.class);
        assertThat(fromAnOlderFetcher.distinctKeys()).isNull();
        assertThat(fromAnOlderFetcher.expectedDocuments()).isEqualTo(340);
    }

    @Test
    void runFinishedIsSelfContained() {
        String error = "HTTP 503 after 6 attempts: {\"errors\":[{\"status\":\"503\"}]}";
        Map<String, CollectionStats> collections = new LinkedHashMap<>();
        collections.put("answers_export", new CollectionStats(CollectionStatus.SUCCESS, 200000, 10, List.of(), null));
        collections.put("employees", new CollectionStats(CollectionStatus.FAILED, 1000, 1, null, error));
        RunFinished expected = RunFinished.of(
                RUN,
                Instant.parse("2026-11-23T03:00:00Z"),
                Instant.parse("2026-11-23T03:05:11Z"),
                SyncMode.INCREMENTAL,
                RunStatus.PARTIAL,
                "employees: " + error,
                collections);
        assertGolden("run-finished.json", expected);
        assertThat(expected.collections().keySet()).containsExactly("answers_export", "employees");
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowReadsAsNullSoConsumersCanSkipIt() {
        assertThat(mapper.readValue(Golden.text("run-event-of-a-future-type.json"), RunEvent.class))
                .isNull();
    }
}
