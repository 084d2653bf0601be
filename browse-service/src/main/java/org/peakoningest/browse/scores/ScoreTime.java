package org.peakoningest.browse.scores;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.bson.conversions.Bson;
import org.peakoningest.common.Timestamps;

/**
 * {@code attributes.scores.time} of a score item, in the shapes it is stored in: Peakon sends epoch seconds (a JSON
 * number, so int32, int64 or double in BSON), older data or another API shape an ISO string. The one place that
 * turns it, and the {@code from} / {@code to} bounds {@link org.peakoningest.browse.web.Params} gives, into instants
 * and Mongo filters.
 */
final class ScoreTime {

    static final String FIELD = "attributes.scores.time";

    private ScoreTime() {}

    /**
     * Items at or after {@code bound}. MongoDB compares only values of the same type family (numbers with numbers,
     * strings with strings), so a string bound alone never matches Peakon's numeric times (issue #13): one branch
     * per stored shape, either may match. Both stay in the query, so counts and paging see only matching items.
     */
    static Bson from(String bound) {
        return Filters.or(
                Filters.gte(FIELD, bound(bound).getEpochSecond()),
                // Stored ISO strings carry 0, 3 or 6 fractional digits; the second-precision bound is a prefix of
                // the same instant's text, so string order is time order (see docs/browse.md, Conventions).
                Filters.gte(FIELD, bound));
    }

    /** Items before the exclusive upper {@code bound}; one branch per stored shape, as {@link #from}. */
    static Bson toExclusive(String bound) {
        return Filters.or(Filters.lt(FIELD, bound(bound).getEpochSecond()), Filters.lt(FIELD, bound));
    }

    /** A stored {@code scores.time}: epoch seconds (a number, or as text) or an ISO timestamp; null if neither. */
    static Instant instant(Object time) {
        if (time instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (time instanceof String s && !s.isBlank()) {
            String t = s.trim();
            if (t.matches("-?[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            try {
                return Timestamps.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** A bound as {@link org.peakoningest.browse.web.Params} gives it ({@code yyyy-MM-ddTHH:mm:ss}, UTC). */
    static Instant bound(String bound) {
        return LocalDateTime.parse(bound).toInstant(ZoneOffset.UTC);
    }
}
