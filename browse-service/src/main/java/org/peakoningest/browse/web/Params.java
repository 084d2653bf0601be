package org.peakoningest.browse.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.peakoningest.common.Timestamps;

/**
 * Strict request-parameter parsing. Every query parameter goes through here before it can reach a Mongo filter:
 * unknown or repeated parameters are refused (a typo must not silently widen a PII query), numbers must be plain
 * decimal literals, dates ISO-8601, text bounded in length and free of control characters. Values become typed BSON
 * values, never query documents, so a {@code $}-operator in a parameter is just text.
 */
public final class Params {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,9}(\\.[0-9]{1,9})?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_TEXT = 200;
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<String, String[]> raw;

    private Params(Map<String, String[]> raw) {
        this.raw = raw;
    }

    /** Checks the parameter names against what the endpoint accepts: the union of the {@code allowed} sets. */
    @SafeVarargs
    public static Params of(Map<String, String[]> raw, Set<String>... allowed) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(allowed).forEach(names::addAll);
        for (Map.Entry<String, String[]> e : raw.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new BadRequestException(
                        "unknown parameter '" + printable(e.getKey()) + "'; allowed: " + String.join(", ", names));
            }
            if (e.getValue().length > 1) {
                throw new BadRequestException("parameter '" + e.getKey() + "' given more than once");
            }
        }
        return new Params(raw);
    }

    /** A path segment (e.g. an id), held to the same rules as a text parameter. */
    public static String pathValue(String name, String value) {
        return new Params(Map.of(name, new String[] {value}))
                .text(name)
                .orElseThrow(() -> new BadRequestException("'" + name + "' is empty"));
    }

    public Optional<String> text(String name) {
        String[] values = raw.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return Optional.empty();
        }
        String value = values[0].trim();
        if (value.length() > MAX_TEXT) {
            throw new BadRequestException("parameter '" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new BadRequestException("parameter '" + name + "' contains control characters");
        }
        return Optional.of(value);
    }

    public Optional<Long> integer(String name) {
        return text(name).map(v -> {
            if (!INTEGER.matcher(v).matches()) {
                throw new BadRequestException("parameter '" + name + "' must be an integer");
            }
            return Long.parseLong(v);
        });
    }

    public int integer(String name, int defaultValue, int min, int max) {
        long value = integer(name).orElse((long) defaultValue);
        if (value < min || value > max) {
            throw new BadRequestException("parameter '" + name + "' must be between " + min + " and " + max);
        }
        return (int) value;
    }

    public Optional<Double> decimal(String name) {
        return text(name).map(v -> {
            if (!DECIMAL.matcher(v).matches()) {
                throw new BadRequestException("parameter '" + name + "' must be a number like 7 or 7.5");
            }
            return new BigDecimal(v).doubleValue();
        });
    }

    public Optional<Boolean> bool(String name) {
        return text(name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("parameter '" + name + "' must be true or false");
        });
    }

    public String choice(String name, String defaultValue, Set<String> choices) {
        String value = text(name).orElse(defaultValue);
        if (!choices.contains(value)) {
            throw new BadRequestException(
                    "parameter '" + name + "' must be one of " + String.join(", ", new TreeSet<>(choices)));
        }
        return value;
    }

    public Optional<String> choiceIfPresent(String name, Set<String> choices) {
        return text(name).map(v -> choice(name, v, choices));
    }

    /**
     * A lower time bound ({@code >=}) for ISO-8601 timestamp strings: {@code 2025-03-01} means that day's start (UTC),
     * an ISO instant is taken at second precision.
     *
     * <p>Why a bare {@code yyyy-MM-ddTHH:mm:ss} prefix: stored timestamps come with 0, 3 or 6 fractional digits and a
     * {@code Z}; every one of them sorts at or after the prefix of its own second and before the next second's, so the
     * string comparison agrees with instant order whatever precision the source used.
     */
    public Optional<String> timeFrom(String name) {
        return text(name).map(v -> bound(name, v, false));
    }

    /** An exclusive upper time bound ({@code <}): {@code 2025-03-31} means up to the end of that day (UTC). */
    public Optional<String> timeToExclusive(String name) {
        return text(name).map(v -> bound(name, v, true));
    }

    /** The range of stored timestamps: four-digit years. */
    private static final Instant FIRST =
            LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** Exclusive: the end of the year 9999. */
    private static final Instant END =
            LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /**
     * A bound in the fixed-width form. Outside four-digit years it would be formatted with a sign and compare as text
     * in the wrong place ("+10000-…" sorts before "2025-…"), turning the filter upside down: refused instead. The
     * exclusive upper bound of the last day, the end of 9999, is written "9999-12-31T23:59:60", which sorts after every
     * timestamp of that last second.
     */
    private static String bound(String name, String value, boolean upper) {
        Instant instant = parsed(name, value, upper);
        if (instant.isBefore(FIRST) || (upper ? instant.isAfter(END) : !instant.isBefore(END))) {
            throw new BadRequestException("parameter '" + name + "' must be a date between 0001-01-01 and 9999-12-31");
        }
        return instant.equals(END) ? "9999-12-31T23:59:60" : SECOND.format(instant);
    }

    private static Instant parsed(String name, String value, boolean upper) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upper ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            Instant instant = Timestamps.parse(value);
            Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
            return upper && !second.equals(instant) ? second.plusSeconds(1) : second;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + name + "' must be a date (2025-03-01) or an ISO instant");
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return CONTROL.matcher(cut).replaceAll("?");
    }
}
