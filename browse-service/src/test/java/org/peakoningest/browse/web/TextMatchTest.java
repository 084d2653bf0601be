package org.peakoningest.browse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextMatchTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".*",
                "(a|b)",
                "\\",
                "$where",
                "^x$",
                "[abc]",
                "a{2}",
                "\\E.*\\Q",
                "+?",
                "50% off!",
                "Ünïcødé é",
                "{\"$gt\": \"\"}",
                "# comment",
                "a b"
            })
    void escapedTextMatchesOnlyItselfLiterally(String text) {
        Pattern p = Pattern.compile(TextMatch.escape(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

        assertThat(p.matcher("prefix " + text + " suffix").find()).isTrue();
        assertThat(p.matcher("prefix " + text.toUpperCase() + " suffix").find()).isTrue();
        if (text.length() > 1) {
            assertThat(p.matcher("xyz").find()).isFalse();
            assertThat(p.matcher(text.substring(1)).find()).isFalse();
        }
    }

    @Test
    void regexOperatorsDoNotActAsOperators() {
        assertThat(Pattern.compile(TextMatch.escape(".*")).matcher("anything").find())
                .isFalse();
        assertThat(Pattern.compile(TextMatch.escape("a|b")).matcher("b").find()).isFalse();
    }
}
