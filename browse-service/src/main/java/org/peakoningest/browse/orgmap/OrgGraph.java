package org.peakoningest.browse.orgmap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.peakoningest.browse.people.Person;

/**
 * The reporting graph from {@code relationships.Manager}, made into a forest that is safe to walk.
 *
 * <p>Real HR data is not a clean tree, so the defects are detected and reported instead of trusted:
 * <ul>
 *   <li><b>duplicates</b>: two documents with the same id (e.g. stored once as int, once as text) — the first wins;</li>
 *   <li><b>orphans</b>: a manager id that names nobody — the employee becomes a root, flagged;</li>
 *   <li><b>cycles</b>: A manages B manages A (a self-manager is a cycle of one) — every cycle is reported and broken at
 *       its smallest id, which becomes a root, flagged.</li>
 * </ul>
 * After that every node has at most one parent and every parent chain ends at a root, so depth, direct reports and
 * subtree size are computed with plain iterative walks (no recursion: a 100,000-deep chain cannot overflow).
 *
 * @param topDown node ids from the roots downwards: a parent always comes before its reports
 */
record OrgGraph(
        Map<String, Node> nodes,
        Map<String, List<String>> children,
        List<String> roots,
        List<String> topDown,
        List<Orphan> orphans,
        List<List<String>> cycles,
        List<Duplicate> duplicates) {

    /**
     * One employee in the forest. {@code parentId} is the manager edge that was kept (null for a root). The API
     * serializes it as is: the person's fields, then the graph facts.
     */
    record Node(
            @JsonUnwrapped Person person,
            String parentId,
            int depth,
            int directReports,
            int subtreeSize,
            boolean orphan,
            boolean inCycle,
            boolean cycleBreak) {}

    record Orphan(String id, String missingManagerId) {}

    record Duplicate(String id, int documents) {}

    static OrgGraph build(List<Person> people) {
        Map<String, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.putIfAbsent(p.id(), p));
        List<Duplicate> duplicates = people.stream()
                .collect(Collectors.groupingBy(Person::id, TreeMap::new, Collectors.summingInt(p -> 1)))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .map(e -> new Duplicate(e.getKey(), e.getValue()))
                .toList();

        Map<String, String> parent = new HashMap<>();
        List<Orphan> orphans = new ArrayList<>();
        Set<String> orphanIds = new HashSet<>();
        for (Person p : byId.values()) {
            String m = p.managerId();
            if (m == null || m.isBlank()) {
                continue;
            }
            if (byId.containsKey(m)) {
                parent.put(p.id(), m);
            } else {
                orphans.add(new Orphan(p.id(), m));
                orphanIds.add(p.id());
            }
        }

        // Cycle detection on a graph where each node has at most one outgoing (manager) edge.
        List<List<String>> cycles = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the current walk, 2: finished
        for (String start : byId.keySet()) {
            List<String> walk = new ArrayList<>();
            String at = start;
            while (at != null && !state.containsKey(at)) {
                state.put(at, 1);
                walk.add(at);
                at = parent.get(at);
            }
            if (at != null && state.get(at) == 1) {
                List<String> cycle = new ArrayList<>(walk.subList(walk.indexOf(at), walk.size()));
                Collections.sort(cycle);
                cycles.add(List.copyOf(cycle));
            }
            walk.forEach(id -> state.put(id, 2));
        }
        Map<String, Boolean> inCycle = new HashMap<>();
        Map<String, Boolean> cycleBreak = new HashMap<>();
        for (List<String> cycle : cycles) {
            cycle.forEach(id -> inCycle.put(id, true));
            cycleBreak.put(cycle.get(0), true);
            parent.remove(cycle.get(0));
        }

        Map<String, List<String>> children = new HashMap<>();
        List<String> roots = new ArrayList<>();
        for (String id : byId.keySet()) {
            String p = parent.get(id);
            if (p == null) {
                roots.add(id);
            } else {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
            }
        }
        Comparator<String> byName = Comparator.comparing(
                        (String id) -> Objects.requireNonNullElse(byId.get(id).name(), ""))
                .thenComparing(Comparator.naturalOrder());
        roots.sort(byName);
        children.values().forEach(list -> list.sort(byName));

        // Breadth-first from the roots: depth top-down, subtree sizes bottom-up over the reversed order.
        List<String> topDown = new ArrayList<>(byId.size());
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String r : roots) {
            depth.put(r, 0);
            queue.add(r);
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            topDown.add(id);
            for (String c : children.getOrDefault(id, List.of())) {
                depth.put(c, depth.get(id) + 1);
                queue.add(c);
            }
        }
        Map<String, Integer> size = new HashMap<>();
        for (int i = topDown.size() - 1; i >= 0; i--) {
            String id = topDown.get(i);
            int s = 1;
            for (String c : children.getOrDefault(id, List.of())) {
                s += size.get(c);
            }
            size.put(id, s);
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String id : topDown) {
            nodes.put(
                    id,
                    new Node(
                            byId.get(id),
                            parent.get(id),
                            depth.get(id),
                            children.getOrDefault(id, List.of()).size(),
                            size.get(id),
                            orphanIds.contains(id),
                            inCycle.getOrDefault(id, false),
                            cycleBreak.getOrDefault(id, false)));
        }
        return new OrgGraph(nodes, children, roots, topDown, orphans, cycles, duplicates);
    }

    Node node(String id) {
        return nodes.get(id);
    }

    List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    int size() {
        return nodes.size();
    }

    int maxDepth() {
        return nodes.values().stream().mapToInt(Node::depth).max().orElse(0);
    }

    /** From {@code id} up to its root, following the kept edges (finite by construction). */
    List<String> pathToTop(String id) {
        List<String> path = new ArrayList<>();
        for (String at = id;
                at != null && nodes.containsKey(at);
                at = nodes.get(at).parentId()) {
            path.add(at);
        }
        return path;
    }

    /** {@code id} and everyone below it, top-down, at most {@code maxDepth} levels below it. */
    List<String> subtree(String id, int maxDepth) {
        List<String> out = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        int base = nodes.get(id).depth();
        while (!queue.isEmpty()) {
            String at = queue.poll();
            out.add(at);
            if (nodes.get(at).depth() - base < maxDepth) {
                queue.addAll(children(at));
            }
        }
        return out;
    }
}
