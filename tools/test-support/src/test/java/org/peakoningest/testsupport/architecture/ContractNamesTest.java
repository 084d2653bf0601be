package org.peakoningest.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractNamesTest {

    @Test
    void literalsThatAreOrBuildAContractNameAreFoundCommentsAndLookAlikesAreNot() throws URISyntaxException {
        Path module = Path.of(getClass().getResource("/contract-names-fixture").toURI());
        List<String> found = ContractNames.spelledIn(module, List.of("answers_export", "employees", "run_events"));
        assertThat(found)
                .containsExactlyInAnyOrder(
                        "src/main/java/Spelled.java:4: employees",
                        "src/main/java/Spelled.java:5: peakon.answers_export",
                        "src/main/java/Spelled.java:9: answers_export.DLT",
                        "src/main/resources/application.yml:3: peakon.run_events");
    }

    @Test
    void theNamesAreReadFromTheContractItself() {
        assertThat(ContractNames.declaredBy(Path.of("../../common")))
                .contains(
                        "answers_export",
                        "employees",
                        "drivers",
                        "drivers_catalog",
                        "scores_contexts",
                        "scores_by_driver",
                        "auth_tokens",
                        "sync_state",
                        "fetcher_locks",
                        "ingestion_runs",
                        "run_events")
                .doesNotContain("peakon.", ".DLT");
    }
}
