package org.peakoningest.servicesupport.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert: what happened ({@code event}, e.g. {@code run_failed}), a line for a human ({@code text}, what Slack
 * shows) and the same facts as fields for a machine. Only operational facts go in — run id, collection, counts,
 * status, reason — never a person's data: the webhook leaves the installation.
 *
 * @param fields values that are strings, numbers or booleans (in the order given)
 */
public record Alert(String event, String text, Map<String, Object> fields) {

    public Alert {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Alert of(String event, String text) {
        return new Alert(event, text, Map.of());
    }

    /** This alert with one more field (a null value is left out). */
    public Alert with(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Alert(event, text, more);
    }
}
