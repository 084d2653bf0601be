package org.peakoningest.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.architecture.ArchitectureRules;
import org.peakoningest.testsupport.architecture.ContractNames;

/** The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses();

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noCyclesBetweenPackages().check(CLASSES);
    }

    @Test
    void browsingNeverWritesInBulk() {
        ArchitectureRules.onlyOneClassWritesInBulk("(none: browse is read-only)").check(CLASSES);
    }

    @Test
    void onlyCommonSpellsTopicAndCollectionNames() {
        assertThat(ContractNames.spelledIn(Path.of(""), ContractNames.declaredBy(Path.of("../common")))).isEmpty();
    }
}
