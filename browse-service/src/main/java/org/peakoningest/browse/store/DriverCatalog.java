package org.peakoningest.browse.store;

import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.peakoningest.common.PeakonCollection;

/**
 * Driver and sub-driver of an answer's category: first the static driver catalog ({@code drivers_catalog}: numeric
 * {@code categoryId} to driver and sub-driver), then the company's drivers ({@code drivers}: keyed by the category's
 * standard name, e.g. {@code autonomy}). What neither knows stays unresolved: never guessed from the question text.
 */
public final class DriverCatalog {

    /** A resolved category; {@code subDriver} empty when the driver has none. */
    public record Driver(String driver, String subDriver) {}

    private final Map<String, Driver> byCategoryId = new HashMap<>();
    private final Map<String, Driver> byStandard = new HashMap<>();

    public static DriverCatalog load(BrowseMongo mongo) {
        DriverCatalog catalog = new DriverCatalog();
        for (Document doc : mongo.data(PeakonCollection.DRIVERS_CATALOG).find()) {
            String driver = Docs.text(doc, "driver");
            Object id = doc.get("id");
            if (id != null && driver != null) {
                catalog.byCategoryId.put(number(id), new Driver(driver, blankIfNull(Docs.text(doc, "subdriver"))));
            }
        }
        for (Document doc : mongo.data(PeakonCollection.DRIVERS).find()) {
            String driver = Docs.text(doc, "attributes.driver");
            Object id = doc.get("id");
            if (id != null && driver != null) {
                catalog.byStandard.put(
                        id.toString(), new Driver(driver, blankIfNull(Docs.text(doc, "attributes.subdriver"))));
            }
        }
        return catalog;
    }

    /** The driver of a category, or null when neither source knows it. */
    public Driver resolve(String categoryId, String categoryStandard) {
        Driver d = categoryId == null ? null : byCategoryId.get(categoryId);
        if (d == null && categoryStandard != null) {
            d = byStandard.get(categoryStandard);
        }
        return d;
    }

    /** An id as text, numbers in decimal (the catalog stores 1527152, answers "1527152"). */
    public static String number(Object id) {
        if (id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return id.toString();
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
