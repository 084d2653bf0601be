package org.peakoningest.common.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The erasure record is a person's whole erasure history on a compacted topic (issue #14): what a reader of the
 * erasures topic relies on is that a lift keeps the per-run counts, that erasing again never forgets or double-counts
 * them, and that records of schema version 1 (lifted by a tombstone, no per-run counts) still read.
 */
class ErasureRecordTest {

    private static final String HASH = "3f1c0a9e6d4b2c8f7e5a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e";

    @Test
    void anErasureInForceHasNoLiftFieldsAndReadsBackEqual() {
        ErasureRecord erased = erasure(Map.of("run-1", Map.of("employees", 1L, "answers_export", 3L)));

        String json = new String(erased.toJson(), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"schema_version\":2", "\"erased_by_run\":{\"run-1\":{")
                .doesNotContain("lifted");
        assertThat(ErasureRecord.fromJson(erased.toJson())).isEqualTo(erased);
        assertThat(erased.inForce()).isTrue();
    }

    @Test
    void aLiftEndsTheErasureAndKeepsWhichRunsDocumentsWereErased() {
        ErasureRecord erased = erasure(Map.of("run-1", Map.of("employees", 1L)));

        ErasureRecord lifted = erased.lifted("2026-12-01T09:00:00.000000Z", "dpo");

        assertThat(lifted.inForce()).isFalse();
        assertThat(lifted.erasedByRun()).isEqualTo(erased.erasedByRun());
        assertThat(lifted.employeeHash()).isEqualTo(HASH);
        assertThat(ErasureRecord.fromJson(lifted.toJson())).isEqualTo(lifted);
    }

    @Test
    void erasingAgainKeepsEveryRunAndTheLargerCountOfEach() {
        Map<String, Map<String, Long>> earlier =
                Map.of("run-1", Map.of("employees", 1L, "answers_export", 3L), "run-2", Map.of("answers_export", 2L));
        // Run again after half the tombstones failed: run 1's remaining keys are found again, fewer than before.
        Map<String, Map<String, Long>> now =
                Map.of("run-1", Map.of("answers_export", 1L), "run-3", Map.of("employees", 1L));

        assertThat(ErasureRecord.merge(earlier, now))
                .isEqualTo(Map.of(
                        "run-1", Map.of("employees", 1L, "answers_export", 3L),
                        "run-2", Map.of("answers_export", 2L),
                        "run-3", Map.of("employees", 1L)));
    }

    @Test
    void aRecordOfSchemaVersionOneReadsAsAnErasureInForceWithoutPerRunCounts() {
        String v1 = "{\"schema_version\":1,\"employee_hash\":\"" + HASH + "\",\"erased_at\":"
                + "\"2026-11-30T10:15:00.123456Z\",\"erased_by\":\"dpo\",\"secret_id\":\"9b2e41d07c6a5f38\","
                + "\"tombstones\":{\"employees\":1}}";

        ErasureRecord read = ErasureRecord.fromJson(v1.getBytes(StandardCharsets.UTF_8));

        assertThat(read.inForce()).isTrue();
        assertThat(read.erasedByRun()).isEmpty();
        assertThat(read.tombstones()).containsEntry("employees", 1L);
        assertThat(ErasureRecord.key(HASH)).isEqualTo("\"" + HASH + "\"");
    }

    private static ErasureRecord erasure(Map<String, Map<String, Long>> byRun) {
        return new ErasureRecord(
                ErasureRecord.SCHEMA_VERSION,
                HASH,
                "2026-11-30T10:15:00.123456Z",
                "privacy-team",
                "9b2e41d07c6a5f38",
                Map.of("employees", 1L),
                byRun,
                null,
                null);
    }
}
