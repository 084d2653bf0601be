package org.peakoningest.browse.scores;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.Params;
import org.peakoningest.common.PeakonCollection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/scores/categories}: display names for Peakon's numeric category ids (the {@code id} of score items),
 * from what the pipeline stored, never guessed. First the static driver catalog ({@code drivers_catalog}: id, driver,
 * subdriver), then the answers' own {@code categoryStandard} for a category id the catalog lacks (Peakon's standard
 * driver key such as {@code management_support}, written as words). An id neither names is not listed: the UI shows
 * it as the id.
 */
@RestController
class ScoreCategoriesController {

    record Category(String id, String name, String source) {}

    record Categories(List<Category> categories) {}

    static final String CATALOG = PeakonCollection.DRIVERS_CATALOG.collectionName();
    static final String ANSWERS = "answers.categoryStandard";

    private final BrowseMongo mongo;

    ScoreCategoriesController(BrowseMongo mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/scores/categories")
    Categories categories(HttpServletRequest request) {
        Params.of(request.getParameterMap(), Set.of());
        Map<String, Category> byId = new TreeMap<>();
        mongo.data(PeakonCollection.DRIVERS_CATALOG)
                .find()
                .projection(Projections.include("id", "driver", "subdriver", "attributes"))
                .forEach(doc -> {
                    Object id = doc.get("id") != null ? doc.get("id") : doc.get("_id");
                    String driver = firstText(doc, "driver", "attributes.driver");
                    if (id == null || driver == null || driver.isBlank()) {
                        return;
                    }
                    String sub = firstText(doc, "subdriver", "attributes.subdriver");
                    String name = sub == null || sub.isBlank() ? driver : driver + " · " + sub;
                    byId.putIfAbsent(idText(id), new Category(idText(id), name, CATALOG));
                });
        mongo.data(PeakonCollection.ANSWERS_EXPORT)
                .aggregate(List.of(
                        Aggregates.match(Filters.and(
                                Filters.ne("attributes.categoryId", null),
                                Filters.ne("attributes.categoryStandard", null))),
                        Aggregates.group(
                                "$attributes.categoryId",
                                Accumulators.first("standard", "$attributes.categoryStandard"))))
                .forEach(doc -> {
                    Object id = doc.get("_id");
                    Object standard = doc.get("standard");
                    if (id != null && standard instanceof String s && !s.isBlank()) {
                        byId.putIfAbsent(idText(id), new Category(idText(id), words(s), ANSWERS));
                    }
                });
        return new Categories(new ArrayList<>(byId.values()));
    }

    private static String firstText(Document doc, String... paths) {
        for (String path : paths) {
            String value = Docs.text(doc, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** An id as the score items spell it: integral numbers without a decimal point. */
    private static String idText(Object id) {
        if (id instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return id.toString();
    }

    /** {@code management_support} → {@code Management support}. */
    static String words(String key) {
        String spaced = key.replace('_', ' ').trim();
        return spaced.isEmpty() ? key : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
