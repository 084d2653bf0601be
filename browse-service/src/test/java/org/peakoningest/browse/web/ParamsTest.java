package org.peakoningest.browse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static Params of(String name, String value) {
        return Params.of(Map.of(name, new String[] {value}), Set.of(name));
    }

    @Test
    void numbersAreParsedStrictly() {
        assertThat(of("n", "42").integer("n")).contains(42L);
        assertThat(of("n", "-7").integer("n")).contains(-7L);
        for (String bad : new String[] {"{\"$gt\":0}", "1e3", "0x10", "12abc", "1.5", " 1 2", "99999999999999999999"}) {
            assertThatThrownBy(() -> of("n", bad).integer("n"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("'n'");
        }
        assertThat(of("s", "7.5").decimal("s")).contains(7.5);
        assertThatThrownBy(() -> of("s", "NaN").decimal("s")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> of("s", "Infinity").decimal("s")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void unknownRepeatedOverlongAndControlCharacterParametersAreRefused() {
        assertThatThrownBy(() -> Params.of(Map.of("depatment", new String[] {"x"}), Set.of("department")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("unknown parameter 'depatment'");
        assertThatThrownBy(() -> Params.of(Map.of("q", new String[] {"a", "b"}), Set.of("q")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> of("q", "x".repeat(201)).text("q")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> of("q", "a\u0000b").text("q")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void timeBoundsSortCorrectlyAgainstStoredTimestampsOfAnyPrecision() {
        String from = of("t", "2025-03-04").timeFrom("t").orElseThrow();
        String to = of("t", "2025-03-04").timeToExclusive("t").orElseThrow();

        assertThat(from).isEqualTo("2025-03-04T00:00:00");
        assertThat(to).isEqualTo("2025-03-05T00:00:00");
        for (String inside : new String[] {
            "2025-03-04T00:00:00Z", "2025-03-04T00:00:00.000Z", "2025-03-04T23:59:59.999999Z", "2025-03-04T12:00:00.5Z"
        }) {
            assertThat(inside.compareTo(from)).isGreaterThanOrEqualTo(0);
            assertThat(inside.compareTo(to)).isLessThan(0);
        }
        assertThat("2025-03-05T00:00:00.000Z".compareTo(to)).isGreaterThan(0);
        assertThat("2025-03-03T23:59:59.999Z".compareTo(from)).isLessThan(0);
        assertThat(of("t", "2025-03-04T10:15:30.250Z").timeToExclusive("t")).contains("2025-03-04T10:15:31");
        assertThatThrownBy(() -> of("t", "yesterday").timeFrom("t")).isInstanceOf(BadRequestException.class);
        // Only four-digit years: beyond them the text form would sort in the wrong place.
        assertThat(of("t", "9999-12-31").timeToExclusive("t")).contains("9999-12-31T23:59:60");
        assertThat("9999-12-31T23:59:59.999999Z".compareTo("9999-12-31T23:59:60"))
                .isLessThan(0);
        assertThat(of("t", "9999-12-31").timeFrom("t")).contains("9999-12-31T00:00:00");
        for (String outside : new String[] {"+10000-01-01T00:00:00Z", "0000-12-31", "-0001-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> of("t", outside).timeFrom("t"))
                    .as(outside)
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("between 0001-01-01 and 9999-12-31");
        }
    }
}
