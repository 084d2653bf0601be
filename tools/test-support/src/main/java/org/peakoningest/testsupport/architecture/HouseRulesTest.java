package org.peakoningest.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The house rules every module's {@code ArchitectureTest} inherits: no package cycles. A module adds the rules that
 * apply to it (one bulk writer, one record builder, only common spells contract names) as its own tests.
 */
public abstract class HouseRulesTest {

    private static JavaClasses classes;

    /** This module's production classes, imported once per test JVM. */
    protected static synchronized JavaClasses classes() {
        if (classes == null) {
            classes = ArchitectureRules.productionClasses();
        }
        return classes;
    }

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noCyclesBetweenPackages().check(classes());
    }

    /** Fails with every place in this module's sources that spells a name {@code common} declares. */
    protected static void assertOnlyCommonSpellsContractNames(Path commonModule) {
        assertThat(ContractNames.spelledIn(Path.of(""), ContractNames.declaredBy(commonModule)))
                .as("string literals that spell a topic or collection name (use PeakonCollection, MongoCollections, "
                        + "TopicNames)")
                .isEmpty();
    }
}
