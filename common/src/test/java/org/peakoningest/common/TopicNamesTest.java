package org.peakoningest.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void defaultTopicsArePrefixedCollectionNames() {
        TopicNames topics = TopicNames.defaults();
        assertThat(topics.dataTopics())
                .containsExactly(
                        "peakon.answers_export",
                        "peakon.employees",
                        "peakon.drivers",
                        "peakon.drivers_catalog",
                        "peakon.scores_contexts",
                        "peakon.scores_by_driver",
                        "peakon.segments",
                        "peakon.segment_scores");
        assertThat(topics.runEventsTopic()).isEqualTo("peakon.run_events");
        assertThat(topics.deadLetterTopic("peakon.employees")).isEqualTo("peakon.employees.DLT");
    }

    @Test
    void collectionOfATopicIsFoundOnlyForDataTopicsOfThisPrefix() {
        TopicNames topics = new TopicNames("acme-");
        assertThat(topics.collectionOf("acme-employees")).contains(PeakonCollection.EMPLOYEES);
        assertThat(topics.collectionOf("acme-run_events")).isEmpty();
        assertThat(topics.collectionOf("peakon.employees")).isEmpty();
        assertThat(topics.collectionOf("acme-employees.DLT")).isEmpty();
    }

    @Test
    void anIllegalPrefixIsRejectedWithTheReason() {
        assertThatThrownBy(() -> new TopicNames("peakon/")).hasMessageContaining("may only contain");
        assertThatThrownBy(() -> new TopicNames("x".repeat(240))).hasMessageContaining("too long");
    }

    @Test
    void collectionNamesAreTheOnesOfTheOriginalBriefPlusTheSegments() {
        assertThat(PeakonCollection.values())
                .extracting(PeakonCollection::collectionName)
                .containsExactly(
                        "answers_export",
                        "employees",
                        "drivers",
                        "drivers_catalog",
                        "scores_contexts",
                        "scores_by_driver",
                        // issue #13: the scores per department / sub-department segment
                        "segments",
                        "segment_scores");
        assertThat(PeakonCollection.fromName("nope")).isEmpty();
    }
}
