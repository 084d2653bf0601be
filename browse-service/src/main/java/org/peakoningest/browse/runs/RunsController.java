package org.peakoningest.browse.runs;

import com.mongodb.client.model.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.PageResponse;
import org.peakoningest.browse.web.Paging;
import org.peakoningest.browse.web.Params;
import org.peakoningest.common.runs.RunFields;
import org.peakoningest.common.runs.RunLandingStatus;
import org.peakoningest.common.runs.RunStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/runs}: the writer's {@code ingestion_runs} documents, newest first, returned as stored (fetch status,
 * landing status, per-collection published/landed counts) so new fields the writer adds show up without a change here.
 */
@RestController
class RunsController {

    private static final Set<String> FILTERS = Set.of("status", "landingStatus");
    /**
     * Every fetch status the writer records: {@code running} until the run's RunFinished, then one of the contract's
     * (success, partial, failed, abandoned), so a new one is filterable without a change here.
     */
    private static final Set<String> STATUSES = Stream.concat(
                    Stream.of(RunFields.RUNNING), RunStatus.storedValues().stream())
            .collect(Collectors.toUnmodifiableSet());
    /** Every landing status the writer records, from the contract: a new one is filterable without a change here. */
    private static final Set<String> LANDING_STATUSES = Set.copyOf(RunLandingStatus.storedValues());

    private static final Map<String, String> SORTS =
            Map.of("startedAt", "started_at", "finishedAt", "finished_at", "id", "_id");

    private final BrowseMongo mongo;
    private final BrowseProperties properties;

    RunsController(BrowseMongo mongo, BrowseProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @GetMapping("/api/runs")
    PageResponse<Document> runs(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), FILTERS, Paging.PARAMS);
        Paging paging = Paging.from(p, properties.maxLimit(), SORTS, "startedAt", "desc");
        List<Bson> and = new ArrayList<>();
        p.choiceIfPresent("status", STATUSES).ifPresent(s -> and.add(Filters.eq(RunFields.STATUS, s)));
        p.choiceIfPresent("landingStatus", LANDING_STATUSES)
                .ifPresent(s -> and.add(Filters.eq(RunFields.LANDING_STATUS, s)));
        return paging.find(mongo.ingestionRuns(), Docs.allOf(and), List.of());
    }
}
