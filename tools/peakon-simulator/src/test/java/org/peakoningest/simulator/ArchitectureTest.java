package org.peakoningest.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.architecture.ArchitectureRules;

/**
 * The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. The contract-names rule
 * does not apply: the simulator plays Peakon, whose vocabulary ({@code "type": "answers_export"}, the /_sim/stats
 * keys) it speaks without depending on the contract it is used to test.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses();

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noCyclesBetweenPackages().check(CLASSES);
    }
}
