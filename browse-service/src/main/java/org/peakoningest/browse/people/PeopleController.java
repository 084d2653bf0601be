package org.peakoningest.browse.people;

import com.mongodb.client.model.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

/** {@code /api/employees}: search for the pickers, and the facets (departments, sub-departments, managers). */
@RestController
@RequestMapping("/api/employees")
class PeopleController {

    private static final Set<String> SEARCH_FILTERS = Set.of("q", "department", "subDepartment");
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
        p.text("q").ifPresent(q -> and.add(Filters.or(
                TextMatch.containsIgnoreCase("attributes.name", q),
                TextMatch.containsIgnoreCase("attributes.email", q),
                TextMatch.containsIgnoreCase("attributes.identifier", q),
                Filters.in("_id", Docs.idForms(q)))));
        p.text("department").ifPresent(d -> and.add(
                Filters.eq("attributes." + properties.departmentAttribute(), d)));
        p.text("subDepartment").ifPresent(d -> and.add(
                Filters.eq("attributes." + properties.subDepartmentAttribute(), d)));
        return paging.find(mongo.data(PeakonCollection.EMPLOYEES), Docs.allOf(and), List.of());
    }

    /**
     * The values the people filters accept. Head counts are counts over people: below {@code BROWSE_MIN_N} they are
     * withheld (null), the value itself is still listed so it can be picked.
     */
    @GetMapping("/facets")
    Map<String, Object> facets(HttpServletRequest request) {
        Params.of(request.getParameterMap());
        List<Person> people = directory.everyone();
        Map<String, Integer> departments = new TreeMap<>();
        Map<String, Map<String, Object>> subDepartments = new TreeMap<>();
        Map<String, Integer> reports = new HashMap<>();
        Map<String, Person> byId = new HashMap<>();
        for (Person person : people) {
            byId.putIfAbsent(person.id(), person);
            if (person.department() != null) {
                departments.merge(person.department(), 1, Integer::sum);
            }
            if (person.subDepartment() != null) {
                String key = person.department() + "\u0000" + person.subDepartment();
                Map<String, Object> entry = subDepartments.computeIfAbsent(key, k -> new LinkedHashMap<>(Map.of(
                        "value", person.subDepartment(), "count", 0)));
                entry.putIfAbsent("department", person.department());
                entry.put("count", (Integer) entry.get("count") + 1);
            }
            if (person.managerId() != null) {
                reports.merge(person.managerId(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> departmentList = new ArrayList<>();
        departments.forEach((value, count) -> departmentList.add(facet(value, count)));
        List<Map<String, Object>> subList = new ArrayList<>();
        subDepartments.values().forEach(entry -> {
            Map<String, Object> f = facet((String) entry.get("value"), (Integer) entry.get("count"));
            f.put("department", entry.get("department"));
            subList.add(f);
        });
        List<Map<String, Object>> managers = new ArrayList<>();
        reports.forEach((id, n) -> {
            Person m = byId.get(id);
            if (m != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", id);
                f.put("name", m.name());
                f.put("department", m.department());
                f.put("directReports", n);
                managers.add(f);
            }
        });
        managers.sort((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("departments", departmentList);
        out.put("subDepartments", subList);
        out.put("managers", managers);
        out.put("minN", properties.minN());
        return out;
    }

    private Map<String, Object> facet(String value, int count) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("value", value);
        f.put("count", count < properties.minN() ? null : count);
        return f;
    }
}
