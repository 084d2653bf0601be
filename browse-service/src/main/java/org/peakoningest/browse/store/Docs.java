package org.peakoningest.browse.store;

import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Tolerant reads of nested fields of raw Peakon items (any level may be missing or of an unexpected type), and the
 * filter pieces every listing shares.
 */
public final class Docs {

    private Docs() {}

    /** The value at a dotted path, or null. */
    public static Object at(Document doc, String path) {
        Object current = doc;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Document d)) {
                return null;
            }
            current = d.get(part);
        }
        return current;
    }

    public static String text(Document doc, String path) {
        Object v = at(doc, path);
        return v == null ? null : v.toString();
    }

    public static Double number(Document doc, String path) {
        Object v = at(doc, path);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The values an id may be stored as: an id given as text also matches its int32/int64 form (how the writer stores
     * numeric keys) and vice versa, so filters work whichever way the source typed the id.
     */
    public static List<Object> idForms(String id) {
        try {
            long n = Long.parseLong(id.trim());
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return List.of((int) n, n, id);
            }
            return List.of(n, id);
        } catch (NumberFormatException e) {
            return List.of(id);
        }
    }

    /** All of {@code conditions}; none is the empty filter, since MongoDB refuses an empty {@code $and}. */
    public static Bson allOf(List<Bson> conditions) {
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }
}
