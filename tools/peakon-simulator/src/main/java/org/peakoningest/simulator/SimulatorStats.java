package org.peakoningest.simulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator has served, as the tests and the benchmark see it.
 *
 * @param requests            API requests per endpoint ({@code "GET /answers/export"} …), faults included
 * @param statuses            responses per HTTP status
 * @param maxRequestsInWindow the most API requests seen in any sliding budget window
 * @param distinct            distinct items served in a 200 response, per collection ({@code answers_export},
 *                            {@code employees}, {@code drivers}, {@code scores_contexts}, {@code scores_by_driver},
 *                            {@code segments} and {@code segment_scores}: the Department and Sub-Department segments
 *                            and the {@code engagement} points of their contexts); a score point is one category at
 *                            one month, counted once whatever the intervals it was served under
 * @param itemsServed         items written in 200 responses per collection, duplicates included
 * @param scoreGroupsServed   per score group served at least once in the company context: its distinct points
 */
public record SimulatorStats(
        Map<String, Long> requests,
        Map<String, Long> statuses,
        long maxRequestsInWindow,
        Map<String, Long> distinct,
        Map<String, Long> itemsServed,
        Map<String, Integer> scoreGroupsServed) {

    public SimulatorStats {
        requests = Map.copyOf(requests);
        statuses = Map.copyOf(statuses);
        distinct = Map.copyOf(distinct);
        itemsServed = Map.copyOf(itemsServed);
        scoreGroupsServed = Map.copyOf(scoreGroupsServed);
    }

    public long distinct(String collection) {
        return distinct.getOrDefault(collection, 0L);
    }

    public long status(int status) {
        return statuses.getOrDefault(Integer.toString(status), 0L);
    }

    public long requests(String endpoint) {
        return requests.getOrDefault(endpoint, 0L);
    }

    /** All API requests. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "SimulatorStats[requests=" + new TreeMap<>(requests) + ", statuses=" + new TreeMap<>(statuses)
                + ", maxRequestsInWindow=" + maxRequestsInWindow + ", distinct=" + new TreeMap<>(distinct) + "]";
    }
}
