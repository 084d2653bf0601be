package org.peakoningest.simulator;

import java.util.List;
import java.util.Map;

/**
 * What the synthetic company has: the totals a complete crawl must end up with.
 *
 * @param collections              documents a complete crawl with the documented parameters ({@code interval=all})
 *                                 yields per collection: {@code answers_export}, {@code employees} (those
 *                                 {@code /employees} lists now), {@code drivers},
 *                                 {@code scores_contexts} = the {@code engagement} group, {@code scores_by_driver} =
 *                                 all driver ids that are valid groups, {@code segments} = every segment (the raw
 *                                 copy of {@code GET /segments}), {@code segment_scores} = the {@code engagement}
 *                                 group in each Department and Sub-Department segment's context except the
 *                                 unprocessable ones
 * @param collectionsWithoutInterval the same for a crawl that sends no {@code interval} (the default, quarter)
 * @param scoreItemsPerGroup       items per valid score group in any context with {@code interval=all}
 * @param scorePointsPerInterval   points per category for each {@code interval} value
 * @param unprocessableGroups      driver ids answered 422 when used as a group
 * @param driverIds                the 18 driver ids
 * @param companyId                the company id of the score contexts
 * @param segmentContexts          the {@code segment_<id>} contexts of the Department and Sub-Department segments
 * @param unprocessableSegments    those of them whose scores answer 422 ({@code --unprocessable-segments})
 * @param employeesCounted         what {@code GET /employees/count} answers: the employees who have not left; more
 *                                 than {@code collections.employees} (what {@code /employees} lists) by
 *                                 {@code --under-serve-employees}
 * @param departedEmployees        ids of the employees who left ({@code POST /_sim/employees/leave}), ascending
 */
public record SimulatorExpected(
        Map<String, Long> collections,
        Map<String, Long> collectionsWithoutInterval,
        Map<String, Integer> scoreItemsPerGroup,
        Map<String, Integer> scorePointsPerInterval,
        List<String> unprocessableGroups,
        List<String> driverIds,
        long companyId,
        List<String> segmentContexts,
        List<String> unprocessableSegments,
        long employeesCounted,
        List<String> departedEmployees) {

    public SimulatorExpected {
        collections = Map.copyOf(collections);
        collectionsWithoutInterval = Map.copyOf(collectionsWithoutInterval);
        scoreItemsPerGroup = Map.copyOf(scoreItemsPerGroup);
        scorePointsPerInterval = Map.copyOf(scorePointsPerInterval);
        unprocessableGroups = List.copyOf(unprocessableGroups);
        driverIds = List.copyOf(driverIds);
        segmentContexts = List.copyOf(segmentContexts);
        unprocessableSegments = List.copyOf(unprocessableSegments);
        departedEmployees = List.copyOf(departedEmployees);
    }

    /** Documents of {@code collection} after a complete crawl with {@code interval=all}. */
    public long count(String collection) {
        return collections.getOrDefault(collection, 0L);
    }

    /** Documents of {@code collection} after a complete crawl that sends no {@code interval}. */
    public long countWithoutInterval(String collection) {
        return collectionsWithoutInterval.getOrDefault(collection, 0L);
    }
}
