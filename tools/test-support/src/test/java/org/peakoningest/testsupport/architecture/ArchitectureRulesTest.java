package org.peakoningest.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The rules catch what they are for (on fixture classes), so a green ArchitectureTest means something. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "org.peakoningest.testsupport.architecture.fixture";

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURE + "." + name);
    }

    @Test
    void aCycleThroughTheRootPackageIsReported() {
        EvaluationResult result = ArchitectureRules.noCyclesBetweenPackages().evaluate(fixture("cycle"));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("testsupport.architecture.fixture.cycle.a", "testsupport.architecture.fixture.cycle.b");
    }

    @Test
    void oneWayDependenciesPass() {
        assertThat(ArchitectureRules.noCyclesBetweenPackages()
                        .evaluate(fixture("acyclic"))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void aSecondClassWritingInBulkIsReported() {
        EvaluationResult result = ArchitectureRules.onlyOneClassWritesInBulk(FIXTURE + ".mongo.Writer")
                .evaluate(fixture("mongo"));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Sneak").doesNotContain("Writer.write");
    }

    @Test
    void buildingOrSendingARecordOutsideThePublisherIsReported() {
        EvaluationResult result = ArchitectureRules.onlyOneClassBuildsProducerRecords(FIXTURE + ".kafka.Publisher")
                .evaluate(fixture("kafka"));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Sender.send").doesNotContain("Publisher.record");
    }
}
