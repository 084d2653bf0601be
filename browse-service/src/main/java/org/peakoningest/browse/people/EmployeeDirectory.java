package org.peakoningest.browse.people;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code employees} collection as a directory and resolves the people filters (department,
 * sub-department, manager) that answers and scores are filtered by.
 *
 * <p>People who left ({@code present: false}, set by the writer after a complete crawl no longer listed them) are in
 * {@link #everyone()}: the people filters of answers and scores resolve through it, so their answers keep counting.
 * The pickers and the org map show {@link #current()} unless asked to include them.
 */
@Component
public class EmployeeDirectory {

    static final String MANAGER_PATH = "relationships.Manager.data.id";

    /** The parameter that shows people who left in the pickers and the org map too ({@code true} / {@code false}). */
    public static final String INCLUDE_ABSENT = "includeAbsent";

    private final BrowseMongo mongo;
    private final String departmentField;
    private final String subDepartmentField;

    EmployeeDirectory(BrowseMongo mongo, BrowseProperties properties) {
        this.mongo = mongo;
        this.departmentField = "attributes." + properties.departmentAttribute();
        this.subDepartmentField = "attributes." + properties.subDepartmentAttribute();
    }

    /** Everyone, or everyone in a department / sub-department (exact values, as the facets list them). */
    private List<Person> people(Optional<String> department, Optional<String> subDepartment) {
        List<Bson> filters = new ArrayList<>();
        department.ifPresent(d -> filters.add(Filters.eq(departmentField, d)));
        subDepartment.ifPresent(s -> filters.add(Filters.eq(subDepartmentField, s)));
        List<Person> out = new ArrayList<>();
        mongo.data(PeakonCollection.EMPLOYEES)
                .find(Docs.allOf(filters))
                .projection(Projections.include(
                        "attributes.name",
                        "attributes.firstName",
                        "attributes.lastName",
                        "attributes.email",
                        "attributes.identifier",
                        departmentField,
                        subDepartmentField,
                        MANAGER_PATH,
                        DocumentFields.PRESENT,
                        DocumentFields.ABSENT_SINCE))
                .sort(new Document("_id", 1))
                .forEach(doc -> out.add(toPerson(doc)));
        return out;
    }

    /** Everyone ever stored, people who left included (marked {@link Person#left()}). */
    public List<Person> everyone() {
        return people(Optional.empty(), Optional.empty());
    }

    /** The people who have not left: no {@code present: false} (a person no complete crawl judged yet counts). */
    public List<Person> current() {
        return everyone().stream().filter(person -> !person.left()).toList();
    }

    /** {@link #everyone()} or {@link #current()}. */
    public List<Person> people(boolean includeLeft) {
        return includeLeft ? everyone() : current();
    }

    /** The filter of {@link #current()} on {@code employees} documents. */
    public static Bson notLeft() {
        return Filters.ne(DocumentFields.PRESENT, false);
    }

    /** The full document of one employee, found by id in whichever form it was stored. */
    public Optional<Document> document(String id) {
        return Optional.ofNullable(mongo.data(PeakonCollection.EMPLOYEES)
                .find(Filters.in("_id", Docs.idForms(id)))
                .first());
    }

    /**
     * The people with these ids, in one query (ids as text, whichever form they are stored in); people who left are
     * included. Ids nobody has are absent from the map.
     */
    public Map<String, Person> byIds(Set<String> ids) {
        Map<String, Person> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        mongo.data(PeakonCollection.EMPLOYEES)
                .find(Filters.in("_id", idValues(ids)))
                .projection(Projections.include(
                        "attributes.name",
                        "attributes.firstName",
                        "attributes.lastName",
                        departmentField,
                        subDepartmentField,
                        DocumentFields.PRESENT,
                        DocumentFields.ABSENT_SINCE))
                .sort(new Document("_id", 1))
                .forEach(doc -> out.putIfAbsent(String.valueOf(doc.get("_id")), toPerson(doc)));
        return out;
    }

    /**
     * The employee ids a people filter stands for, or empty when no people filter is given. Department and
     * sub-department match exactly; {@code manager} means everyone below that manager (direct and indirect reports,
     * not the manager), walked cycle-safe. Several filters intersect.
     */
    public Optional<Set<String>> resolve(
            Optional<String> department, Optional<String> subDepartment, Optional<String> manager) {
        if (department.isEmpty() && subDepartment.isEmpty()) {
            return manager.map(m -> reportsBelow(everyone(), m));
        }
        Set<String> ids = new LinkedHashSet<>();
        people(department, subDepartment).forEach(p -> ids.add(p.id()));
        manager.ifPresent(m -> ids.retainAll(reportsBelow(everyone(), m)));
        return Optional.of(ids);
    }

    /** All direct and indirect reports of {@code managerId}; a cycle in the data ends the walk, never loops. */
    private static Set<String> reportsBelow(List<Person> people, String managerId) {
        Map<String, List<String>> children = new HashMap<>();
        for (Person p : people) {
            if (p.managerId() != null) {
                children.computeIfAbsent(p.managerId(), k -> new ArrayList<>()).add(p.id());
            }
        }
        Set<String> seen = new HashSet<>();
        Set<String> out = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(managerId));
        seen.add(managerId);
        while (!queue.isEmpty()) {
            for (String child : children.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(child)) {
                    out.add(child);
                    queue.add(child);
                }
            }
        }
        return out;
    }

    /** The values to put in an {@code $in} over an employee-id field, covering int, long and text storage. */
    public static List<Object> idValues(Set<String> ids) {
        List<Object> values = new ArrayList<>(ids.size() * 3);
        ids.forEach(id -> values.addAll(Docs.idForms(id)));
        return values;
    }

    Person toPerson(Document doc) {
        boolean left = Boolean.FALSE.equals(doc.get(DocumentFields.PRESENT));
        String name = Docs.text(doc, "attributes.name");
        if (name == null) {
            String first = Docs.text(doc, "attributes.firstName");
            String last = Docs.text(doc, "attributes.lastName");
            name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        }
        return new Person(
                String.valueOf(doc.get("_id")),
                name,
                Docs.text(doc, "attributes.email"),
                Docs.text(doc, "attributes.identifier"),
                Docs.text(doc, departmentField),
                Docs.text(doc, subDepartmentField),
                Docs.text(doc, MANAGER_PATH),
                left,
                left ? Docs.text(doc, DocumentFields.ABSENT_SINCE) : null);
    }
}
