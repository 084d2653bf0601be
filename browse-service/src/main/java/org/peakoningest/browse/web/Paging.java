package org.peakoningest.browse.web;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Offset paging with a whitelisted sort. The sort always ends with {@code _id} as a tie-breaker, so pages are
 * stable: the same query returns the same order, and consecutive pages neither repeat nor skip a document while the
 * data does not change.
 *
 * @param sortField the Mongo field of the chosen sort key
 */
public record Paging(int limit, int offset, String sort, String order, String sortField) {

    public static final Set<String> PARAMS = Set.of("limit", "offset", "sort", "order");
    private static final int MAX_OFFSET = 1_000_000;

    /**
     * @param sortFields public sort names mapped to Mongo fields; {@code defaultSort} must be one of them
     */
    public static Paging from(
            Params params, int maxLimit, Map<String, String> sortFields, String defaultSort, String defaultOrder) {
        int limit = params.integer("limit", Math.min(50, maxLimit), 1, maxLimit);
        int offset = params.integer("offset", 0, 0, MAX_OFFSET);
        String sort = params.choice("sort", defaultSort, sortFields.keySet());
        String order = params.choice("order", defaultOrder, Set.of("asc", "desc"));
        return new Paging(limit, offset, sort, order, sortFields.get(sort));
    }

    public Bson mongoSort() {
        boolean asc = order.equals("asc");
        if (sortField.equals("_id")) {
            return asc ? Sorts.ascending("_id") : Sorts.descending("_id");
        }
        return asc
                ? Sorts.ascending(sortField, "_id")
                : Sorts.orderBy(Sorts.descending(sortField), Sorts.descending("_id"));
    }

    /** This page of the documents {@code filter} selects, and how many it selects in total. */
    public PageResponse<Document> find(MongoCollection<Document> collection, Bson filter, List<String> notices) {
        List<Document> items = collection
                .find(filter)
                .sort(mongoSort())
                .skip(offset)
                .limit(limit)
                .into(new ArrayList<>());
        return new PageResponse<>(
                items, collection.countDocuments(filter), limit, offset, sort, order, List.copyOf(notices));
    }
}
