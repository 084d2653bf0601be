package org.peakoningest.common.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;

class CollectionStatsTest {

    private static final CollectionStats EMPLOYEES =
            new CollectionStats(CollectionStatus.SUCCESS, 2_003, 3, List.of(), null, 2_000L);

    @Test
    void aSnapshotCarriesItsFlagPeakonsCountAndTheErasedItemsOverTheWire() throws Exception {
        CollectionStats stats = EMPLOYEES.withSnapshot(true, 2_001L, 1L);
        String json = ContractJson.mapper().writeValueAsString(stats);

        assertThat(json).contains("\"complete_snapshot\":true", "\"expected\":2001", "\"erased\":1");
        assertThat(ContractJson.mapper().readValue(json, CollectionStats.class)).isEqualTo(stats);
        assertThat(ContractJson.mapper().writeValueAsString(EMPLOYEES))
                .as("stats of an older fetcher or another collection")
                .doesNotContain("complete_snapshot", "expected", "erased");
    }

    @Test
    void onlyASuccessfulFlaggedCrawlIsACompleteSnapshot() {
        assertThat(EMPLOYEES.isCompleteSnapshot()).isFalse();
        assertThat(EMPLOYEES.withSnapshot(true, null, null).isCompleteSnapshot())
                .isTrue();
        CollectionStats failed = new CollectionStats(CollectionStatus.FAILED, 10, 1, List.of(), "HTTP 500", 10L)
                .withSnapshot(true, null, null);
        assertThat(failed.isCompleteSnapshot()).isFalse();
    }

    @Test
    void theCountMismatchComparesPeakonsCountWithTheDistinctKeysPlusTheErased() {
        assertThat(EMPLOYEES.withSnapshot(true, 2_001L, 1L).countMismatch()).isFalse();
        assertThat(EMPLOYEES.withSnapshot(true, 2_000L, null).countMismatch()).isFalse();
        assertThat(EMPLOYEES.withSnapshot(true, 2_010L, null).countMismatch()).isTrue();
        assertThat(EMPLOYEES.withSnapshot(true, null, null).countMismatch())
                .as("no count from Peakon: nothing to compare")
                .isFalse();
    }
}
