// THE REMOVED ALTERNATIVE, kept so the decision can be re-measured (docs/performance.md, "Per-document CPU").
// A verbatim copy of common/src/main/java/org/peakoningest/common/Timestamps.java as of commit 443f9b0; only the
// package line and the imports changed.
// Never used by product code: only tools/jmh's benchmarks call it.
package org.peakoningest.jmh.removed.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The contract's timestamp format: UTC, ISO-8601, always six fractional digits, e.g.
 * {@code 2026-11-25T14:46:56.123456Z}.
 *
 * <p>Why fixed width: {@code fetched_at} decides which version of a document wins, and stored as a string (as the
 * Python version did) it must sort the same as the instants it stands for. {@link Instant#toString()} drops
 * trailing zeros ({@code ...:56Z} vs {@code ...:56.5Z}), which breaks string order.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /**
     * The fixed-width text of {@code instant} (microseconds, truncated). Written by hand for years 0–9999: it runs
     * once per record on the hot paths of both services, and {@link DateTimeFormatter} allocates ~1.4 KB per call
     * (see docs/performance.md).
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST_SECOND || seconds > MAX_FAST_SECOND) {
            return FORMAT.format(instant);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] out = new char[27];
        digits(out, 0, t.getYear(), 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1000, 6);
        out[26] = 'Z';
        return new String(out);
    }

    /** Parses any ISO-8601 instant ({@code Z} or offset form), not only the fixed-width one. */
    public static Instant parse(String text) {
        if (text != null
                && text.length() == 27
                && text.charAt(26) == 'Z'
                && text.charAt(19) == '.'
                && text.charAt(10) == 'T') {
            try {
                LocalDateTime t = LocalDateTime.of(
                        number(text, 0, 4),
                        number(text, 5, 2),
                        number(text, 8, 2),
                        number(text, 11, 2),
                        number(text, 14, 2),
                        number(text, 17, 2),
                        number(text, 20, 6) * 1000);
                if (text.charAt(4) == '-'
                        && text.charAt(7) == '-'
                        && text.charAt(13) == ':'
                        && text.charAt(16) == ':') {
                    return t.toInstant(ZoneOffset.UTC);
                }
            } catch (DateTimeException | NumberFormatException notTheFixedForm) {
                // fall through to the general parser, which reports what is wrong
            }
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    private static final long MIN_FAST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_FAST_SECOND =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The current instant truncated to what {@link #format} keeps, so a round trip is lossless. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
