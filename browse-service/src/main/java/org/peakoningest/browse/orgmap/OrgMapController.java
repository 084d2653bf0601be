package org.peakoningest.browse.orgmap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.peakoningest.browse.anonymity.Anonymity;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.people.Person;
import org.peakoningest.browse.security.Role;
import org.peakoningest.browse.web.NotFoundException;
import org.peakoningest.browse.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orgmap}: the reporting graph (or a focused, depth-limited, department-filtered view of it) with its
 * defects, and {@code /api/employees/{id}}: one employee with manager, direct reports and path to the top.
 */
@RestController
class OrgMapController {

    private static final Set<String> PARAMS = Set.of(
            "focus",
            "maxDepth",
            "department",
            "subDepartment",
            "colour",
            "categoryGroup",
            EmployeeDirectory.INCLUDE_ABSENT);
    private static final int UNLIMITED = 10_000;

    /** A node of the view: the graph node, and its subtree's engagement when the map is coloured. */
    record ViewNode(
            @JsonUnwrapped OrgGraph.Node node,
            @JsonInclude(Include.NON_NULL) Engagement engagement) {}

    /**
     * A subtree's mean score; withheld (null) when fewer than {@code BROWSE_MIN_N} respondents stand behind it, and
     * for a viewer also when the differencing rule says so ({@code reason}).
     */
    record Engagement(
            Double mean,
            Integer respondents,
            boolean withheld,
            @JsonInclude(Include.NON_NULL) String reason) {}

    record Employee(
            OrgGraph.Node employee,
            Document document,
            OrgGraph.Node manager,
            List<OrgGraph.Node> directReports,
            List<OrgGraph.Node> pathToTop) {}

    private final EmployeeDirectory directory;
    private final SubtreeScores scores;
    private final BrowseProperties properties;
    private final Anonymity anonymity;

    OrgMapController(
            EmployeeDirectory directory, SubtreeScores scores, BrowseProperties properties, Anonymity anonymity) {
        this.directory = directory;
        this.scores = scores;
        this.properties = properties;
        this.anonymity = anonymity;
    }

    @GetMapping("/api/orgmap")
    Map<String, Object> orgMap(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), PARAMS);
        Optional<String> focus = p.text("focus");
        int maxDepth = p.integer("maxDepth", UNLIMITED, 0, UNLIMITED);
        Optional<String> department = p.text("department");
        Optional<String> subDepartment = p.text("subDepartment");
        String colour = p.choice("colour", "none", Set.of("none", "engagement"));
        String categoryGroup = p.text("categoryGroup").orElse("engagement");

        boolean includeLeft = p.bool(EmployeeDirectory.INCLUDE_ABSENT).orElse(false);
        List<Person> everyone = directory.everyone();
        // The map of the people who have not left, by default: a person whose manager left is an orphan of it
        // (Peakon still names that manager), visible with includeAbsent=true.
        OrgGraph graph = OrgGraph.build(
                includeLeft
                        ? everyone
                        : everyone.stream().filter(x -> !x.left()).toList());
        List<String> selected;
        if (focus.isPresent()) {
            if (graph.node(focus.get()) == null) {
                throw new NotFoundException("no employee with id " + focus.get());
            }
            selected = graph.subtree(focus.get(), maxDepth);
        } else {
            selected = graph.topDown().stream()
                    .filter(id -> graph.node(id).depth() <= maxDepth)
                    .toList();
        }
        selected = selected.stream()
                .filter(id -> department.isEmpty()
                        || department.get().equals(graph.node(id).person().department()))
                .filter(id -> subDepartment.isEmpty()
                        || subDepartment.get().equals(graph.node(id).person().subDepartment()))
                .toList();
        Set<String> kept = new HashSet<>(selected);
        // Answers of people who left still count: a subtree's engagement is computed over everyone who reports
        // into it, whether the map shows them or not.
        boolean viewer = Role.of(request) == Role.VIEWER;
        boolean coloured = colour.equals("engagement");
        Map<String, Engagement> engagement = new HashMap<>();
        if (coloured && viewer) {
            // A viewer's figures: each organisation judged with every other figure a viewer can get (anonymity).
            anonymity
                    .organisations(categoryGroup, null, null)
                    .forEach((id, f) -> engagement.put(
                            id, new Engagement(f.meanScore(), f.respondents(), f.withheld(), f.withheldReason())));
        } else if (coloured) {
            scores.compute(includeLeft ? graph : OrgGraph.build(everyone), categoryGroup)
                    .forEach((id, a) -> engagement.put(id, engagement(a)));
        }

        List<ViewNode> nodes = new ArrayList<>(selected.size());
        List<Map<String, String>> edges = new ArrayList<>();
        List<String> viewRoots = new ArrayList<>();
        for (String id : selected) {
            OrgGraph.Node node = viewer ? withoutContact(graph.node(id)) : graph.node(id);
            nodes.add(new ViewNode(
                    node,
                    coloured ? engagement.getOrDefault(id, new Engagement(null, null, true, "no respondents")) : null));
            if (node.parentId() != null && kept.contains(node.parentId())) {
                edges.add(Map.of("from", node.parentId(), "to", id));
            } else {
                viewRoots.add(id);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", graph.size());
        out.put("maxDepth", graph.maxDepth());
        out.put("roots", graph.roots());
        out.put("orphans", graph.orphans());
        out.put("cycles", graph.cycles());
        out.put("duplicates", graph.duplicates());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("focus", focus.orElse(null));
        view.put("maxDepth", maxDepth == UNLIMITED ? null : maxDepth);
        view.put("department", department.orElse(null));
        view.put("subDepartment", subDepartment.orElse(null));
        view.put("colour", colour);
        view.put("minN", properties.minN());
        view.put("nodeCount", nodes.size());
        view.put("roots", viewRoots);
        out.put("view", view);
        out.put("focusPath", focus.map(graph::pathToTop).orElse(List.of()));
        out.put("nodes", nodes);
        out.put("edges", edges);
        return out;
    }

    /**
     * One employee: the stored document, the graph facts, manager, direct reports and the path to the top, among the
     * people who have not left (or everyone with {@code includeAbsent=true}). A person who left is still found by id,
     * placed in the graph of everyone.
     */
    @GetMapping("/api/employees/{id}")
    Employee employee(@PathVariable String id, HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), Set.of(EmployeeDirectory.INCLUDE_ABSENT));
        String key = Params.pathValue("id", id);
        List<Person> everyone = directory.everyone();
        boolean includeLeft = p.bool(EmployeeDirectory.INCLUDE_ABSENT).orElse(false)
                || everyone.stream().anyMatch(x -> x.left() && x.id().equals(key));
        OrgGraph graph = OrgGraph.build(
                includeLeft
                        ? everyone
                        : everyone.stream().filter(x -> !x.left()).toList());
        OrgGraph.Node node = graph.node(key);
        if (node == null) {
            throw new NotFoundException("no employee with that id");
        }
        return new Employee(
                node,
                directory.document(key).orElse(null),
                node.parentId() == null ? null : graph.node(node.parentId()),
                graph.children(key).stream().map(graph::node).toList(),
                graph.pathToTop(key).stream().skip(1).map(graph::node).toList());
    }

    private Engagement engagement(SubtreeScores.Aggregate a) {
        boolean withheld = a == null || a.respondents() < properties.minN();
        return new Engagement(
                withheld ? null : a.mean(),
                withheld ? null : a.respondents(),
                withheld,
                withheld ? "fewer than " + properties.minN() + " respondents" : null);
    }

    /** A viewer's node: name, department and place in the chart, without email or identifier. */
    private static OrgGraph.Node withoutContact(OrgGraph.Node node) {
        Person p = node.person();
        Person shown = new Person(
                p.id(),
                p.name(),
                null,
                null,
                p.department(),
                p.subDepartment(),
                p.managerId(),
                p.left(),
                p.absentSince());
        return new OrgGraph.Node(
                shown,
                node.parentId(),
                node.depth(),
                node.directReports(),
                node.subtreeSize(),
                node.orphan(),
                node.inCycle(),
                node.cycleBreak());
    }
}
