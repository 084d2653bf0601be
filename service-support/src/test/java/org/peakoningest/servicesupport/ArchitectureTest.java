package org.peakoningest.servicesupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.architecture.ArchitectureRules;

/** The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses();

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noCyclesBetweenPackages().check(CLASSES);
    }
}
