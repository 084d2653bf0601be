package org.peakoningest.browse.web;

import com.mongodb.client.model.Filters;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * Case-insensitive "contains" on user text without ever letting the text act as a regex. Every ASCII character other
 * than letters, digits and underscore is backslash-escaped: in both PCRE (MongoDB) and {@code java.util.regex}
 * (the embedded Mongo-wire server) a backslash before a non-alphanumeric character means that character literally,
 * so {@code .*}, {@code (a|b)}, {@code \}, {@code $} and friends are matched as typed. Non-ASCII characters need no
 * escaping (no regex metacharacter is non-ASCII). This is the effect of {@code Pattern.quote} without relying on
 * {@code \Q…\E}, whose edge cases differ between engines. No {@code $text}: the embedded server lacks it.
 */
public final class TextMatch {

    private static final Pattern SPECIAL = Pattern.compile("[\\x00-\\x7F&&[^A-Za-z0-9_]]");

    private TextMatch() {}

    public static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$0");
    }

    public static Bson containsIgnoreCase(String field, String text) {
        return Filters.regex(field, escape(text), "i");
    }
}
