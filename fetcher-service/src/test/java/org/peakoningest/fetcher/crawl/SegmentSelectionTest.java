package org.peakoningest.fetcher.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peakoningest.common.json.ContractJson;
import tools.jackson.databind.JsonNode;

/** Which segments get their scores crawled: the attribute named in PEAKON_SEGMENT_ATTRIBUTES, by name or id. */
class SegmentSelectionTest {

    private static final String INCLUDED =
            "[{\"type\":\"attributes\",\"id\":\"3\",\"attributes\":{\"name\":\"Department\"}},"
                    + "{\"type\":\"attributes\",\"id\":\"4\",\"attributes\":{\"name\":\"Sub-Department\"}},"
                    + "{\"type\":\"attributes\",\"id\":\"5\",\"attributes\":{\"name\":\"Location\"}},"
                    + "{\"type\":\"employees\",\"id\":\"9\",\"attributes\":{\"name\":\"Department\"}}]";

    private final SegmentSelection selection = new SegmentSelection();

    @Test
    void segmentsOfTheNamedAttributesMatchWhateverTheCaseAndSpaces() {
        see("17", "3");
        see("18", "4");
        see("19", "5");
        selection.seeIncluded(json(INCLUDED));

        SegmentSelection.Selected selected = selection.select(List.of(" department ", "SUB-DEPARTMENT"));

        assertThat(selected.segmentIds()).containsExactly("17", "18");
        assertThat(selected.unresolved()).isEmpty();
    }

    @Test
    void aNumericEntryMatchesTheAttributeIdWithoutItsName() {
        see("19", "5");
        see("20", "6");

        SegmentSelection.Selected selected = selection.select(List.of("5"));

        assertThat(selected.segmentIds()).containsExactly("19");
        assertThat(selected.unresolved())
                .as("attribute 6 is not included, so whether it is named '5' is unknown")
                .containsExactly("20");
    }

    @Test
    void managerSegmentsNeverMatchAndAnUnincludedAttributeIsReportedNotDropped() {
        selection.seeSegment(
                json(
                        "{\"id\":\"30\",\"type\":\"segments\",\"attributes\":{\"type\":\"employee\","
                                + "\"direct\":true},\"relationships\":{\"manager\":{\"data\":{\"type\":\"employees\",\"id\":\"7\"}}}}"));
        see("31", "9");
        selection.seeIncluded(json(INCLUDED));

        SegmentSelection.Selected selected = selection.select(List.of("Department"));

        assertThat(selected.segmentIds())
                .as("an employees resource named Department is no attribute")
                .isEmpty();
        assertThat(selected.unresolved()).containsExactly("31");
        assertThat(selection.seen()).isEqualTo(2);
    }

    @Test
    void anAttributeIncludedOnALaterPageStillResolvesAndNoEntriesSelectNothing() {
        see("40", 3);
        selection.seeIncluded(json("[]"));
        selection.seeIncluded(json(INCLUDED));

        assertThat(selection.select(List.of("Department")).segmentIds()).containsExactly("40");
        assertThat(selection.select(List.of())).isEqualTo(new SegmentSelection.Selected(List.of(), List.of()));
    }

    private void see(String id, Object attributeId) {
        String attr = attributeId instanceof String s ? "\"" + s + "\"" : attributeId.toString();
        selection.seeSegment(json("{\"id\":\"" + id + "\",\"type\":\"segments\",\"attributes\":{\"type\":\"option\"},"
                + "\"relationships\":{\"attribute\":{\"data\":{\"type\":\"attributes\",\"id\":" + attr + "}}}}"));
    }

    private static JsonNode json(String text) {
        return ContractJson.mapper().readTree(text);
    }
}
