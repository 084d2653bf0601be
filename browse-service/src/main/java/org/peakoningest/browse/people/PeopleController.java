package org.peakoningest.browse.people;

import com.mongodb.client.model.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.PageResponse;
import org.peakoningest.browse.web.Paging;
import org.peakoningest.browse.web.Params;
import org.peakoningest.browse.web.TextMatch;
import org.peakoningest.common.PeakonCollection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/employees}: search for the pickers, and the facets (departments, sub-departments, managers). People
 * who left ({@code present: false}) are left out of both unless {@code includeAbsent}{@code =true}.
 */
@RestController
@RequestMapping("/api/employees")
class PeopleController {

    private static final Set<String> SEARCH_FILTERS =
            Set.of("q", "department", "subDepartment", EmployeeDirectory.INCLUDE_ABSENT);
    private static final Map<String, String> SORTS = Map.of("name", "attributes.name", "id", "_id");

    private final BrowseMongo mongo;
    private final EmployeeDirectory directory;
    private final BrowseProperties properties;

    PeopleController(BrowseMongo mongo, EmployeeDirectory directory, BrowseProperties properties) {
        this.mongo = mongo;
        this.directory = directory;
        this.properties = properties;
    }

    /** Employees whose name, email, identifier or id contains {@code q} (case-insensitive, literal text). */
    @GetMapping
    PageResponse<Document> search(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), SEARCH_FILTERS, Paging.PARAMS);
        Paging paging = Paging.from(p, properties.maxLimit(), SORTS, "name", "asc");
        List<Bson> and = new ArrayList<>();
        p.text("q")
                .ifPresent(q -> and.add(Filters.or(
                        TextMatch.containsIgnoreCase("attributes.name", q),
                        TextMatch.containsIgnoreCase("attributes.email", q),
                        TextMatch.containsIgnoreCase("attributes.identifier", q),
                        Filters.in("_id", Docs.idForms(q)))));
        p.text("department").ifPresent(d -> and.add(Filters.eq("attributes." + properties.departmentAttribute(), d)));
        p.text("subDepartment")
                .ifPresent(d -> and.add(Filters.eq("attributes." + properties.subDepartmentAttribute(), d)));
        if (!p.bool(EmployeeDirectory.INCLUDE_ABSENT).orElse(false)) {
            and.add(EmployeeDirectory.notLeft());
        }
        return paging.find(mongo.data(PeakonCollection.EMPLOYEES), Docs.allOf(and), List.of());
    }

    record Facet(String value, Long count) {}

    record SubDepartmentFacet(String value, Long count, String department) {}

    /** A manager to pick; {@code left} when they left (listed only with {@code includeAbsent=true}). */
    record ManagerFacet(String id, String name, String department, Long directReports, boolean left) {}

    record Facets(
            List<Facet> departments, List<SubDepartmentFacet> subDepartments, List<ManagerFacet> managers, int minN) {}

    /**
     * The values the people filters accept. Head counts are counts over people: below {@code BROWSE_MIN_N} they are
     * withheld (null), the value itself is still listed so it can be picked. Over the people who have not left, or
     * everyone with {@code includeAbsent}{@code =true} (a department whose people all left is listed then only).
     */
    @GetMapping("/facets")
    Facets facets(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), Set.of(EmployeeDirectory.INCLUDE_ABSENT));
        List<Person> people =
                directory.people(p.bool(EmployeeDirectory.INCLUDE_ABSENT).orElse(false));
        Map<String, Person> byId = new HashMap<>();
        people.forEach(person -> byId.putIfAbsent(person.id(), person));
        List<Facet> departments = people.stream()
                .filter(person -> person.department() != null)
                .collect(Collectors.groupingBy(Person::department, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> new Facet(e.getKey(), headCount(e.getValue())))
                .toList();
        List<SubDepartmentFacet> subDepartments = people.stream()
                .filter(person -> person.subDepartment() != null)
                .collect(Collectors.groupingBy(
                        person -> person.department() + "\u0000" + person.subDepartment(),
                        TreeMap::new,
                        Collectors.toList()))
                .values()
                .stream()
                .map(same -> new SubDepartmentFacet(
                        same.get(0).subDepartment(),
                        headCount(same.size()),
                        same.get(0).department()))
                .toList();
        List<ManagerFacet> managers = people.stream()
                .filter(person -> person.managerId() != null)
                .collect(Collectors.groupingBy(Person::managerId, Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> byId.containsKey(e.getKey()))
                .map(e -> new ManagerFacet(
                        e.getKey(),
                        byId.get(e.getKey()).name(),
                        byId.get(e.getKey()).department(),
                        headCount(e.getValue()),
                        byId.get(e.getKey()).left()))
                .sorted(Comparator.comparing(manager -> String.valueOf(manager.name())))
                .toList();
        return new Facets(departments, subDepartments, managers, properties.minN());
    }

    private Long headCount(long count) {
        return count < properties.minN() ? null : count;
    }
}
