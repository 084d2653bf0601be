package org.peakoningest.browse.web;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
 * <p>Blanks last: documents whose sort field is missing or null (an unscored answer, a run still running) come after
 * every document that has a value, in either direction. MongoDB sorts null lowest (first when ascending), and an
 * {@code $addFields} sort key would defeat the indexes, so the listing reads two ranges instead: the documents with a
 * value, then the blank ones, each index-friendly.
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

    private boolean blanksPossible() {
        return !sortField.equals("_id");
    }

    /** The documents with a value in the sort field (null and missing excluded). */
    private Bson withValue(Bson filter) {
        return Filters.and(filter, Filters.ne(sortField, null));
    }

    /** The documents whose sort field is null or missing. */
    private Bson blank(Bson filter) {
        return Filters.and(filter, Filters.eq(sortField, null));
    }

    /**
     * Every document {@code filter} selects, in this paging's order with blanks last (no skip, no limit): the cursors
     * to read one after the other, e.g. for an export.
     */
    public List<FindIterable<Document>> all(MongoCollection<Document> collection, Bson filter) {
        if (!blanksPossible()) {
            return List.of(collection.find(filter).sort(mongoSort()));
        }
        return List.of(
                collection.find(withValue(filter)).sort(mongoSort()),
                collection.find(blank(filter)).sort(mongoSort()));
    }

    /** This page of the documents {@code filter} selects (blanks last), and how many it selects in total. */
    public PageResponse<Document> find(MongoCollection<Document> collection, Bson filter, List<String> notices) {
        long total = collection.countDocuments(filter);
        List<Document> items = new ArrayList<>();
        if (!blanksPossible()) {
            collection.find(filter).sort(mongoSort()).skip(offset).limit(limit).into(items);
        } else {
            long withValue = collection.countDocuments(withValue(filter));
            if (offset < withValue) {
                collection
                        .find(withValue(filter))
                        .sort(mongoSort())
                        .skip(offset)
                        .limit(limit)
                        .into(items);
            }
            int remaining = limit - items.size();
            if (remaining > 0 && total > withValue) {
                collection
                        .find(blank(filter))
                        .sort(mongoSort())
                        .skip((int) Math.max(0, offset - withValue))
                        .limit(remaining)
                        .into(items);
            }
        }
        return new PageResponse<>(items, total, limit, offset, sort, order, List.copyOf(notices));
    }
}
