package org.peakoningest.simulator;

import java.util.Map;
import java.util.Set;

/**
 * Strict mode ({@code --strict-params}): the query parameters each endpoint accepts, so that a test proves a client
 * sends exactly what the API reference documents. That is the reference's parameters, plus the paging parameters
 * the simulator itself writes into {@code links.next} (a client following {@code next} sends them back unread).
 * Without strict mode unknown parameters are ignored, as a lenient server would.
 */
final class QueryRules {

    private static final Set<String> SCORE_PARAMETERS = Set.of("interval", "participation", "observations");
    private static final Set<String> EMPLOYEE_FILTERS = Set.of(
            "filter[account.email]",
            "filter[accountId]",
            "filter[admin]",
            "filter[employeeId]",
            "filter[manager]",
            "filter[segmentIds]");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "/auth/application", Set.of(),
            "/answers/export", Set.of("per_page", "continuation"),
            "/employees", union(EMPLOYEE_FILTERS, Set.of("page", "per_page")),
            "/employees/count", EMPLOYEE_FILTERS,
            "/engagement/drivers",
                    union(
                            SCORE_PARAMETERS,
                            Set.of(
                                    "filter[employee.segmentIds]",
                                    "filter[question.driver]",
                                    "filter[question.subdriver]",
                                    "filter[question.valueId]",
                                    "filter[round.type]")),
            "/scores/contexts/{context}/group/{group}", SCORE_PARAMETERS,
            "/scores/contexts/segment_{id}/group/{group}", SCORE_PARAMETERS,
            "/segments",
                    Set.of(
                            "filter[attributeId]",
                            "filter[direct]",
                            "filter[managerId]",
                            "filter[type]",
                            "page",
                            "per_page"));

    private QueryRules() {}

    /** The first parameter of {@code names} that {@code endpoint} does not accept, or null. */
    static String unknown(String endpoint, Iterable<String> names) {
        Set<String> allowed = ALLOWED.get(endpoint);
        if (allowed == null) {
            return null;
        }
        for (String name : names) {
            if (!allowed.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
