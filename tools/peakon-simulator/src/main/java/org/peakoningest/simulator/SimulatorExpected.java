package org.peakoningest.simulator;

import java.util.List;
import java.util.Map;

/**
 * What the synthetic company has: the totals a complete crawl must end up with.
 *
 * @param collections          documents a complete crawl yields per collection ({@code answers_export},
 *                             {@code employees}, {@code drivers}, {@code scores_contexts} = the {@code engagement}
 *                             group, {@code scores_by_driver} = all driver ids that are valid groups)
 * @param scoreItemsPerGroup   items per valid score group
 * @param unprocessableGroups  driver ids answered 422 when used as a group
 * @param driverIds            the 18 driver ids
 * @param companyId            the company id of the score contexts
 */
public record SimulatorExpected(
        Map<String, Long> collections,
        Map<String, Integer> scoreItemsPerGroup,
        List<String> unprocessableGroups,
        List<String> driverIds,
        long companyId) {

    public SimulatorExpected {
        collections = Map.copyOf(collections);
        scoreItemsPerGroup = Map.copyOf(scoreItemsPerGroup);
        unprocessableGroups = List.copyOf(unprocessableGroups);
        driverIds = List.copyOf(driverIds);
    }

    public long count(String collection) {
        return collections.getOrDefault(collection, 0L);
    }
}
