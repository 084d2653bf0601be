package org.peakoningest.browse.scores;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Peakon segment of a department or sub-department value.
 *
 * <p>A stored segment carries its name ({@code attributes.name}) and its attribute's id
 * ({@code relationships.attribute.data.id}) but not the attribute's name (that was in the response's
 * {@code included}). So the attribute that <em>is</em> the department is recognised by its values: it is the attribute
 * whose segment names match the most of the employees' department values (ties: the larger share of its segment names
 * matching, then the smaller attribute id). The sub-department attribute is found the same way among the other
 * attributes. Then the segment is the one of that attribute with exactly the requested name (several: the smallest
 * id). A segment of another attribute that happens to have the same name (a location called like a department) never
 * answers for a department.
 */
final class SegmentResolver {

    /** A stored segment, reduced to what the resolution needs; managers' segments (no attribute) are left out. */
    record Segment(String id, String name, String attributeId) {}

    private final List<Segment> segments;

    SegmentResolver(List<Segment> segments) {
        this.segments = segments.stream()
                .filter(s -> s.id() != null && s.name() != null && s.attributeId() != null)
                .toList();
    }

    /**
     * The attribute id whose segment names best match {@code values} (the employees' values of that attribute),
     * {@code exclude} left out; empty when none of its names matches.
     */
    Optional<String> attributeOf(Set<String> values, Optional<String> exclude) {
        Map<String, int[]> score = new HashMap<>(); // attribute id -> {matching names, segments}
        for (Segment s : segments) {
            if (exclude.isPresent() && exclude.get().equals(s.attributeId())) {
                continue;
            }
            int[] c = score.computeIfAbsent(s.attributeId(), k -> new int[2]);
            c[1]++;
            if (values.contains(s.name())) {
                c[0]++;
            }
        }
        return score.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingDouble(e -> -(double) e.getValue()[0] / e.getValue()[1])
                        .thenComparing(e -> e.getKey(), SegmentResolver::compareIds))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The segment of {@code attributeId} named exactly {@code name}; several: the one with the smallest id. */
    Optional<Segment> segment(String attributeId, String name) {
        return segments.stream()
                .filter(s -> s.attributeId().equals(attributeId) && s.name().equals(name))
                .min((a, b) -> compareIds(a.id(), b.id()));
    }

    /** Numeric ids in numeric order (Peakon's ids are numbers sent as text), before any other text. */
    static int compareIds(String a, String b) {
        boolean na = a.matches("[0-9]{1,18}");
        boolean nb = b.matches("[0-9]{1,18}");
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }
}
