package org.peakoningest.common.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;

class RunStatusTest {

    @Test
    void theValuesAreTheJsonValuesOfTheContract() {
        assertThat(RunStatus.storedValues()).containsExactly("success", "partial", "failed", "abandoned");
        for (RunStatus status : RunStatus.values()) {
            assertThat(ContractJson.mapper().writeValueAsString(status)).isEqualTo('"' + status.value() + '"');
            assertThat(ContractJson.mapper().readValue('"' + status.value() + '"', RunStatus.class))
                    .isEqualTo(status);
            assertThat(RunStatus.fromValue(status.value())).contains(status);
        }
        assertThat(RunStatus.fromValue("running"))
                .as("the writer's status of an unfinished run")
                .isEmpty();
        assertThat(RunStatus.fromValue("Abandoned")).isEmpty();
        assertThat(RunStatus.fromValue(null)).isEmpty();
    }
}
