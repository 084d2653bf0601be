package org.peakoningest.common;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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

    /** {@code appendInstant(6)}: always six fractional digits (truncated), {@code Z}. */
    private static final DateTimeFormatter FORMAT =
            new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

    /**
     * The last instant formatted or parsed and its text. Every record of a page carries the same {@code fetched_at},
     * and the writer parses and formats it once per record: java.time's two calls cost about 2 µs, a quarter of the
     * writer's CPU per document (JMH {@code TimestampsBenchmark}, docs/performance.md); a repeat costs nanoseconds.
     */
    private static volatile Pair last = new Pair(Instant.EPOCH, FORMAT.format(Instant.EPOCH), null);

    /** {@code formatted} is {@code format(instant)}; {@code parsed}, if not null, a text that parses to it. */
    private record Pair(Instant instant, String formatted, String parsed) {}

    private Timestamps() {}

    /** The fixed-width text of {@code instant} (microseconds, truncated). */
    public static String format(Instant instant) {
        Pair known = last;
        if (known.instant().equals(instant)) {
            return known.formatted();
        }
        String text = FORMAT.format(instant);
        last = new Pair(instant, text, null);
        return text;
    }

    /** Parses any ISO-8601 instant ({@code Z} or offset form, 0 to 9 fractional digits), not only the fixed one. */
    public static Instant parse(String text) {
        Pair known = last;
        if (text.equals(known.parsed())) {
            return known.instant();
        }
        Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        last = new Pair(instant, FORMAT.format(instant), text);
        return instant;
    }

    /** The current instant truncated to what {@link #format} keeps, so a round trip is lossless. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
