package org.peakoningest.browse.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerCsvTest {

    @Test
    void quotesWhatNeedsQuotingAndDefusesFormulas() {
        assertThat(AnswerCsv.cell(null)).isEmpty();
        assertThat(AnswerCsv.cell(7)).isEqualTo("7");
        assertThat(AnswerCsv.cell(-1.5)).isEqualTo("-1.5");
        assertThat(AnswerCsv.cell("plain")).isEqualTo("plain");
        assertThat(AnswerCsv.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(AnswerCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AnswerCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
