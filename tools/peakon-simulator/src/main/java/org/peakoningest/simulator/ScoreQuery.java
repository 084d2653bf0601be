package org.peakoningest.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The query of a score endpoint ({@code /scores/contexts/…} and {@code /engagement/drivers}): {@code interval},
 * {@code participation}, {@code observations}, with the reference's defaults (quarter, false, false).
 *
 * <p>The simulated history is one point per calendar month ({@code periods} months ending with
 * {@link #CURRENT_MONTH}); {@code interval} only chooses which of those months are served, so a point served under
 * any interval is the very same point (same key, same values) that {@code interval=all} serves.
 *
 * @param interval      which months are served
 * @param participation whether items carry {@code attributes.participation}
 * @param observations  whether items carry {@code attributes.observations}
 */
record ScoreQuery(Interval interval, boolean participation, boolean observations) {

    /**
     * The simulated "now": fixed, so the same seed gives the same bytes on any day. In the fourth quarter, one month
     * after its start, so that {@code month} (1 point), {@code quarter} (2), {@code year} (11) and {@code all} differ.
     */
    static final LocalDate CURRENT_MONTH = LocalDate.of(2026, 11, 1);

    /** The reference's {@code interval} values. */
    enum Interval {
        MONTH,
        QUARTER,
        YEAR,
        ALL,
        RECENT;

        /** The first month served of a history of {@code periods} months ending with {@link #CURRENT_MONTH}. */
        int firstPeriod(int periods) {
            LocalDate from = switch (this) {
                case MONTH -> CURRENT_MONTH;
                // the month and the one before: what a "recent change" compares
                case RECENT -> CURRENT_MONTH.minusMonths(1);
                case QUARTER -> CURRENT_MONTH.withMonth(1 + (CURRENT_MONTH.getMonthValue() - 1) / 3 * 3);
                case YEAR -> CURRENT_MONTH.withDayOfYear(1);
                case ALL -> CURRENT_MONTH.minusMonths(periods - 1L);
            };
            long monthsBack = (CURRENT_MONTH.getYear() - from.getYear()) * 12L
                    + CURRENT_MONTH.getMonthValue()
                    - from.getMonthValue();
            return (int) Math.max(0, periods - 1 - monthsBack);
        }

        /** How many points per category this interval serves. */
        int points(int periods) {
            return periods - firstPeriod(periods);
        }

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final ScoreQuery DEFAULT = new ScoreQuery(Interval.QUARTER, false, false);

    /** Epoch seconds of the start (UTC) of month {@code period} of a history of {@code periods} months. */
    static long time(int period, int periods) {
        return CURRENT_MONTH.minusMonths(periods - 1L - period).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** Reads the query; a value the reference does not allow is an {@link IllegalArgumentException} (a 400). */
    static ScoreQuery of(Map<String, String> query) {
        String interval = query.get("interval");
        Interval parsed = DEFAULT.interval();
        if (interval != null) {
            try {
                parsed = Interval.valueOf(interval.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "interval must be one of month, quarter, year, all, recent (got '" + interval + "')");
            }
        }
        return new ScoreQuery(parsed, flag(query, "participation"), flag(query, "observations"));
    }

    private static boolean flag(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (got '" + value + "')");
        };
    }
}
