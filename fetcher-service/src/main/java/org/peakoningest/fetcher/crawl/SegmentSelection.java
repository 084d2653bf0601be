package org.peakoningest.fetcher.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The segments one run saw, and which of them belong to the attributes of PEAKON_SEGMENT_ATTRIBUTES (issue #13).
 *
 * <p>The matching rule (docs/fetcher.md, "Segments and their scores"): a segment matches when its
 * {@code relationships.attribute.data.id} resolves, through the {@code included} resources of type
 * {@code attributes}, to an attribute whose {@code attributes.name} equals an entry (trimmed, case-insensitive), or
 * when an entry is a whole number equal to that attribute id. Why: the reference's {@code segments} schema carries no
 * attribute name, {@code filter[attributeId]} identifies a segment's source attribute by id, and the response
 * carries {@code included} resources. A segment without an attribute relationship (a manager segment) never
 * matches; one whose attribute id is not among the included attributes cannot be told apart and is
 * {@linkplain Selected#unresolved reported}, never dropped silently.
 */
public final class SegmentSelection {

    /** The segments to fetch scores for, in the order seen, and those whose attribute could not be resolved. */
    record Selected(List<String> segmentIds, List<String> unresolved) {}

    /** Segment id → attribute id (null for a segment without an attribute), in the order seen. */
    private final Map<String, String> attributeOf = new LinkedHashMap<>();
    /** Attribute id → name, from every page's {@code included}. */
    private final Map<String, String> attributeNames = new HashMap<>();

    /** One {@code data[]} item of {@code /segments}. */
    void seeSegment(JsonNode segment) {
        String id = text(segment.path("id"));
        if (id == null) {
            return;
        }
        attributeOf.put(
                id,
                text(segment.path("relationships")
                        .path("attribute")
                        .path("data")
                        .path("id")));
    }

    /** The attribute resources of one page's {@code included}. */
    void seeIncluded(JsonNode included) {
        for (JsonNode resource : included) {
            String id = text(resource.path("id"));
            String name = text(resource.path("attributes").path("name"));
            if ("attributes".equals(resource.path("type").asString("")) && id != null && name != null) {
                attributeNames.put(id, name);
            }
        }
    }

    /** The segments of the configured attributes ({@code entries}: names or numeric ids). */
    Selected select(List<String> entries) {
        Set<String> names =
                entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> ids = entries.stream()
                .map(String::strip)
                .filter(e -> e.matches("[0-9]+"))
                .map(SegmentSelection::canonicalNumber)
                .collect(Collectors.toSet());
        List<String> selected = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        if (entries.isEmpty()) {
            return new Selected(selected, unresolved);
        }
        attributeOf.forEach((segmentId, attributeId) -> {
            if (attributeId == null) {
                return;
            }
            if (attributeId.matches("[0-9]+") && ids.contains(canonicalNumber(attributeId))) {
                selected.add(segmentId);
                return;
            }
            String name = attributeNames.get(attributeId);
            if (name == null) {
                unresolved.add(segmentId);
            } else if (names.contains(name.strip().toLowerCase(Locale.ROOT))) {
                selected.add(segmentId);
            }
        });
        return new Selected(selected, unresolved);
    }

    /** How many segments the run saw. */
    int seen() {
        return attributeOf.size();
    }

    /** The attribute id an unresolved segment pointed to (for the record of why it was skipped). */
    String attributeOf(String segmentId) {
        return attributeOf.get(segmentId);
    }

    /** {@code 007} and {@code 7} name the same attribute id. */
    private static String canonicalNumber(String digits) {
        return digits.replaceFirst("^0+(?=.)", "");
    }

    /** A string id, or a whole number as text; null for anything else. */
    private static String text(JsonNode node) {
        if (node.isString() && !node.stringValue().isBlank()) {
            return node.stringValue();
        }
        return node.isIntegralNumber() ? node.asString() : null;
    }
}
