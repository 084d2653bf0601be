package org.peakoningest.browse.answers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonValue;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.web.Params;
import org.peakoningest.common.PeakonCollection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/answers/facets}: the values of the answers' own fields that the UI offers as pickers. */
@RestController
class AnswerFacetsController {

    /** @param categoryGroups every {@code attributes.categoryGroup} present in {@code answers_export}, sorted */
    record AnswerFacets(List<String> categoryGroups) {}

    private final BrowseMongo mongo;

    AnswerFacetsController(BrowseMongo mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/answers/facets")
    AnswerFacets facets(HttpServletRequest request) {
        Params.of(request.getParameterMap(), Set.of());
        Set<String> groups = new TreeSet<>();
        for (BsonValue value :
                mongo.data(PeakonCollection.ANSWERS_EXPORT).distinct("attributes.categoryGroup", BsonValue.class)) {
            if (value != null
                    && value.isString()
                    && !value.asString().getValue().isBlank()) {
                groups.add(value.asString().getValue());
            }
        }
        return new AnswerFacets(List.copyOf(groups));
    }
}
