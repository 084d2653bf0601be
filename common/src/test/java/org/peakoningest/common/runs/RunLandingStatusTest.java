package org.peakoningest.common.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunLandingStatusTest {

    @Test
    void theStoredValuesAreTheFourTheWriterRecords() {
        assertThat(RunLandingStatus.storedValues()).containsExactly("complete", "superseded", "nothing", "pending");
        for (RunLandingStatus status : RunLandingStatus.values()) {
            assertThat(RunLandingStatus.fromValue(status.value())).contains(status);
        }
        assertThat(RunLandingStatus.fromValue("Complete")).isEmpty();
        assertThat(RunLandingStatus.fromValue("done")).isEmpty();
        assertThat(RunLandingStatus.fromValue(null)).isEmpty();
    }

    @Test
    void onlyPendingIsUndecided() {
        assertThat(RunLandingStatus.PENDING.decided()).isFalse();
        assertThat(RunLandingStatus.COMPLETE.decided()).isTrue();
        assertThat(RunLandingStatus.SUPERSEDED.decided()).isTrue();
        assertThat(RunLandingStatus.NOTHING.decided()).isTrue();
    }
}
