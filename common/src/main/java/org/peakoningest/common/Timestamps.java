package org.peakoningest.common;

import java.time.Instant;
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

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Parses any ISO-8601 instant ({@code Z} or offset form), not only the fixed-width one. */
    public static Instant parse(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /** The current instant truncated to what {@link #format} keeps, so a round trip is lossless. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
