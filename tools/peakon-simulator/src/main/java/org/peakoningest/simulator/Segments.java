package org.peakoningest.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * The company's segments, derived from the employees: one {@code option} segment per value of {@code Department}
 * and of {@code Sub-Department} (what a fetcher configured for those two attributes crawls), two {@code Location}
 * segments of an attribute the employees list does not show (to be ignored by such a fetcher), and for the CEO and
 * the first two department heads a "direct reports" and an "all reports" {@code employee} segment (manager segments,
 * no attribute: to be ignored too). Ids are sequential from {@link #FIRST_ID} in that order, so they are stable for
 * a given employee count and seed.
 */
final class Segments {

    static final long FIRST_ID = 101;
    /** The attributes whose segments count in the expected and served totals of {@code segments}. */
    static final List<String> CRAWLED_ATTRIBUTES = List.of("Department", "Sub-Department");

    /** The company attributes segments come from: id, name, type. */
    record Attribute(long id, String name, String type) {}

    static final Attribute DEPARTMENT = new Attribute(3, "Department", "option");
    static final Attribute SUB_DEPARTMENT = new Attribute(4, "Sub-Department", "option");
    static final Attribute LOCATION = new Attribute(7, "Location", "option");
    private static final int MANAGERS_WITH_SEGMENTS = 3;

    /**
     * One segment.
     *
     * @param index      position in {@link #all()}
     * @param attribute  the source attribute, null for a manager segment
     * @param manager    the manager of a manager segment, null otherwise
     * @param direct     a manager segment of direct reports only
     * @param population employees in the segment (the {@code total} of its participation)
     */
    record Segment(
            int index,
            long id,
            String name,
            String identifier,
            Attribute attribute,
            Employees.Employee manager,
            boolean direct,
            int population) {

        String type() {
            return attribute == null ? "employee" : attribute.type();
        }

        String contextId() {
            return "segment_" + id;
        }

        /** Whether a crawl of {@link #CRAWLED_ATTRIBUTES} takes this segment. */
        boolean crawled() {
            return attribute != null && CRAWLED_ATTRIBUTES.contains(attribute.name());
        }
    }

    private final List<Segment> all = new ArrayList<>();
    private final Map<String, Segment> byContext = new LinkedHashMap<>();

    Segments(Employees employees) {
        Map<String, Integer> departments = new LinkedHashMap<>();
        Map<String, Integer> subDepartments = new LinkedHashMap<>();
        for (int i = 0; i < employees.size(); i++) {
            departments.merge(employees.get(i).department(), 1, Integer::sum);
            subDepartments.merge(employees.get(i).subDepartment(), 1, Integer::sum);
        }
        departments.forEach((name, n) -> add(name, slug(DEPARTMENT, name), DEPARTMENT, null, false, n));
        subDepartments.forEach((name, n) -> add(name, slug(SUB_DEPARTMENT, name), SUB_DEPARTMENT, null, false, n));
        int copenhagen = (employees.size() + 1) / 2;
        add("Copenhagen", slug(LOCATION, "Copenhagen"), LOCATION, null, false, copenhagen);
        add("Remote", slug(LOCATION, "Remote"), LOCATION, null, false, employees.size() - copenhagen);
        int[] direct = new int[employees.size()];
        int[] below = new int[employees.size()];
        // a manager always comes before their reports, so one pass from the end adds up every subtree
        for (int i = employees.size() - 1; i > 0; i--) {
            int manager = employees.get(i).managerIndex();
            direct[manager]++;
            below[manager] += 1 + below[i];
        }
        for (int m = 0; m < Math.min(MANAGERS_WITH_SEGMENTS, employees.size()); m++) {
            Employees.Employee e = employees.get(m);
            String name = e.firstName() + " " + e.lastName();
            add("Direct reports of " + name, "manager-" + e.id() + "-direct", null, e, true, direct[m]);
            add("All reports of " + name, "manager-" + e.id() + "-all", null, e, false, below[m]);
        }
    }

    private void add(
            String name, String identifier, Attribute attribute, Employees.Employee manager, boolean direct, int n) {
        Segment s = new Segment(all.size(), FIRST_ID + all.size(), name, identifier, attribute, manager, direct, n);
        all.add(s);
        byContext.put(s.contextId(), s);
    }

    List<Segment> all() {
        return all;
    }

    /** The segment of a {@code segment_<id>} context, or null. */
    Segment byContext(String contextId) {
        return byContext.get(contextId);
    }

    /** The segments named (by id or name) in {@code idsOrNames}. */
    List<Segment> matching(Set<String> idsOrNames) {
        return all.stream()
                .filter(s -> idsOrNames.contains(Long.toString(s.id())) || idsOrNames.contains(s.name()))
                .toList();
    }

    List<Segment> crawled() {
        return all.stream().filter(Segment::crawled).toList();
    }

    /** One JSON:API {@code segments} resource. */
    static void write(JsonGenerator g, Segment s) {
        g.writeStartObject();
        g.writeStringProperty("type", "segments");
        g.writeStringProperty("id", Long.toString(s.id()));
        g.writeName("attributes");
        g.writeStartObject();
        g.writeStringProperty("name", s.name());
        g.writeStringProperty("identifier", s.identifier());
        g.writeStringProperty("type", s.type());
        g.writeStringProperty("contextId", s.contextId());
        g.writeBooleanProperty("direct", s.direct());
        g.writeNullProperty("abbreviation");
        g.writeEndObject();
        g.writeName("relationships");
        g.writeStartObject();
        if (s.attribute() != null) {
            g.writeName("attribute");
            writeData(g, "attributes", Long.toString(s.attribute().id()));
        } else {
            g.writeName("manager");
            writeData(g, "employees", s.manager().idText());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** An {@code attributes} resource, for {@code included}. */
    static void writeAttribute(JsonGenerator g, Attribute a) {
        g.writeStartObject();
        g.writeStringProperty("type", "attributes");
        g.writeStringProperty("id", Long.toString(a.id()));
        g.writeName("attributes");
        g.writeStartObject();
        g.writeStringProperty("name", a.name());
        g.writeStringProperty("type", a.type());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeData(JsonGenerator g, String type, String id) {
        g.writeStartObject();
        g.writeName("data");
        g.writeStartObject();
        g.writeStringProperty("type", type);
        g.writeStringProperty("id", id);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String slug(Attribute attribute, String value) {
        return (attribute.name() + "-" + value).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
