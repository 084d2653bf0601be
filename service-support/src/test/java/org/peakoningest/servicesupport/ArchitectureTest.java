package org.peakoningest.servicesupport;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.architecture.HouseRulesTest;

/** The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. */
class ArchitectureTest extends HouseRulesTest {

    @Test
    void onlyCommonSpellsTopicAndCollectionNames() {
        assertOnlyCommonSpellsContractNames(Path.of("../common"));
    }
}
