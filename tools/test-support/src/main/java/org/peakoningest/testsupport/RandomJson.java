package org.peakoningest.testsupport;

import java.util.SplittableRandom;

/**
 * Seeded random JSON text for property-based equivalence tests of the envelope codec and the paths around it. The
 * text is written here, not by a library, so it can hold what a generator would smooth away: numbers in their own
 * spelling ({@code 1.10}, {@code 1e400}, {@code -0.0}, {@code -0}, 25- and 40-digit integers), escapes of every
 * kind, lone and paired surrogates, non-BMP characters raw and escaped, control characters, NUL in values and
 * (rarely) in member names, members named twice, top-level members named like the metadata the writer adds, the
 * key-path members ({@code id}, {@code attributes.answerId}, {@code attributes.scores.time}) with every kind of
 * value, empty objects and arrays, and deep nesting.
 */
public final class RandomJson {

    /** Top-level member names that mean something to the writer or the key rules. */
    private static final String[] SPECIAL_NAMES = {
        "_id", "fetched_at", "run_id", "endpoint", "source_url", "_source", "driver_id", "id", "attributes", "type"
    };

    private static final String[] NAMES = {
        "a",
        "b",
        "name",
        "answerId",
        "scores",
        "time",
        "mean",
        "comment",
        "é",
        "x y",
        "k\\\"q",
        "\\u00e9t\\u00e9",
        "😀",
        "\\ud83d\\ude00",
        "emoji😀",
        "tab\\t",
        "_id",
        "$date",
        "a.b"
    };
    private static final String[] NUMBERS = {
        "0",
        "-0",
        "7",
        "-3",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "123456789012345678901234567890",
        "-1234567890123456789012345678901234",
        "1.10",
        "-0.0",
        "0.0",
        "1e400",
        "-1e400",
        "1E-7",
        "2.5E+3",
        "4.9e-324",
        "1e-400",
        "12.99999999999999999999",
        "0.1000000000000000055511151231257827",
        "1.5",
        "1700000000",
        "1E2"
    };
    /** Beyond Decimal128's 34 digits: MongoDB cannot hold it. */
    private static final String TOO_BIG = "1234567890123456789012345678901234567890";

    private static final String[] STRING_PARTS = {
        "plain",
        " ",
        "é",
        "中文",
        "😀",
        "\\ud83d\\ude00",
        "\\ud83d",
        "\\ude00",
        "x\\ud800",
        "\\\"",
        "\\\\",
        "\\/",
        "\\n",
        "\\t",
        "\\r",
        "\\b",
        "\\f",
        "\\u0001",
        "\\u001f",
        "\\u007f",
        "\\u0000",
        "\\u2028",
        "42",
        " 17 ",
        "+0077",
        "12.5",
        "",
        "2026-11-25T14:46:56Z"
    };

    private final SplittableRandom random;
    /** Per mille of items that hold something MongoDB cannot store (a NUL in a name, a 40-digit integer). */
    private final int unstorablePerMille;

    /** Items of which about 2 % cannot be stored. */
    public RandomJson(long seed) {
        this(seed, 20);
    }

    public RandomJson(long seed, int unstorablePerMille) {
        this.random = new SplittableRandom(seed);
        this.unstorablePerMille = unstorablePerMille;
    }

    /** A data item: nearly always an object, sometimes another JSON value. */
    public String item() {
        int kind = random.nextInt(100);
        if (kind == 0) {
            return value(2);
        }
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(9);
        boolean unstorable = random.nextInt(1000) < unstorablePerMille;
        int broken = unstorable ? random.nextInt(members + 1) : -1;
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (i == broken) {
                out.append(random.nextBoolean() ? "\"nul\\u0000name\":1" : "\"big\":" + TOO_BIG);
                continue;
            }
            String name = random.nextInt(3) == 0 ? SPECIAL_NAMES[random.nextInt(SPECIAL_NAMES.length)] : name();
            out.append('"')
                    .append(name)
                    .append("\":")
                    .append(
                            switch (name) {
                                case "attributes" -> attributes();
                                case "id" -> keyValue();
                                default -> value(random.nextInt(4) == 0 ? 0 : 1);
                            });
        }
        return out.append('}').toString();
    }

    /** A member name (from a small set, so objects often name a member twice). */
    public String name() {
        return NAMES[random.nextInt(NAMES.length)];
    }

    /** Any JSON value, nested at most {@code 6 - depth} more levels (rarely much deeper). */
    public String value(int depth) {
        int kind = random.nextInt(depth >= 6 ? 5 : 9);
        return switch (kind) {
            case 0, 1 -> string();
            case 2 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> random.nextInt(3) == 0 ? "null" : Long.toString(random.nextLong());
            case 5, 6 -> object(depth + 1);
            case 7 -> array(depth + 1);
            default -> random.nextInt(50) == 0 ? deep(30) : object(depth + 1);
        };
    }

    /** A JSON string literal of random parts (escapes, surrogates, control characters, non-BMP characters). */
    public String string() {
        StringBuilder out = new StringBuilder("\"");
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            out.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
        }
        return out.append('"').toString();
    }

    private String object(int depth) {
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(name()).append("\":").append(value(depth));
        }
        return out.append('}').toString();
    }

    private String array(int depth) {
        StringBuilder out = new StringBuilder("[");
        int elements = random.nextInt(5);
        for (int i = 0; i < elements; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(value(depth));
        }
        return out.append(']').toString();
    }

    private String deep(int levels) {
        return levels == 0
                ? value(6)
                : random.nextBoolean() ? "{\"d\":" + deep(levels - 1) + "}" : "[" + deep(levels - 1) + "]";
    }

    /** What {@code id}, {@code answerId} and {@code time} hold: key-like scalars mostly, anything sometimes. */
    private String keyValue() {
        return switch (random.nextInt(6)) {
            case 0 -> "\"" + random.nextInt(100_000) + "\"";
            case 1 -> Integer.toString(random.nextInt(100_000));
            case 2 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 3 -> string();
            default -> value(4);
        };
    }

    private String attributes() {
        if (random.nextInt(8) == 0) {
            return value(3);
        }
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                out.append(',');
            }
            String name = switch (random.nextInt(4)) {
                case 0 -> "answerId";
                case 1 -> "scores";
                default -> name();
            };
            String value = name.equals("answerId") ? keyValue() : name.equals("scores") ? scores() : value(3);
            out.append('"').append(name).append("\":").append(value);
        }
        return out.append('}').toString();
    }

    private String scores() {
        if (random.nextInt(6) == 0) {
            return value(4);
        }
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(4);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                out.append(',');
            }
            boolean time = random.nextInt(2) == 0;
            out.append(time ? "\"time\":" + keyValue() : "\"" + name() + "\":" + value(4));
        }
        return out.append('}').toString();
    }
}
