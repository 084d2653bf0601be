package org.peakoningest.writer;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peakoningest.testsupport.architecture.ArchitectureRules;
import org.peakoningest.testsupport.architecture.HouseRulesTest;

/** The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. */
class ArchitectureTest extends HouseRulesTest {

    @Test
    void onlyTheBulkDocumentWriterWritesInBulk() {
        ArchitectureRules.onlyOneClassWritesInBulk("org.peakoningest.writer.store.BulkDocumentWriter")
                .check(classes());
    }

    @Test
    void onlyTheDeadLetterPublisherSendsRecords() {
        ArchitectureRules.onlyOneClassBuildsProducerRecords("org.peakoningest.writer.consume.KafkaPublisher")
                .check(classes());
    }

    @Test
    void onlyCommonSpellsTopicAndCollectionNames() {
        assertOnlyCommonSpellsContractNames(Path.of("../common"));
    }
}
