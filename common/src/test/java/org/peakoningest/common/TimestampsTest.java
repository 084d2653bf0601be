package org.peakoningest.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The contract's form, as the pattern {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} wrote it, over the years. */
    @Test
    void theFormatIsTheFixedWidthPatternAndRoundTrips() {
        SplittableRandom random = new SplittableRandom(7);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, max), random.nextInt(1_000_000_000))
                    .truncatedTo(ChronoUnit.MICROS);
            String text = Timestamps.format(instant);
            assertThat(text).isEqualTo(REFERENCE.format(instant)).hasSize(27);
            assertThat(Timestamps.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void edgeValuesKeepTheFixedWidth() {
        assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(Timestamps.format(Instant.parse("2026-11-25T14:46:56.000001999Z")))
                .isEqualTo("2026-11-25T14:46:56.000001Z");
        assertThat(Timestamps.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo(REFERENCE.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertThat(Timestamps.format(Instant.parse("-0001-12-31T23:59:59.999999999Z")))
                .isEqualTo(REFERENCE.format(Instant.parse("-0001-12-31T23:59:59.999999999Z")));
    }

    @Test
    void repeatedCallsAnswerAsTheFirst() {
        // The last instant and text are remembered (a page's records share them): never at the cost of an answer.
        Instant nanos = Instant.parse("2026-11-25T14:46:56.000001999Z");
        assertThat(Timestamps.format(nanos)).isEqualTo("2026-11-25T14:46:56.000001Z");
        assertThat(Timestamps.parse("2026-11-25T14:46:56.000001Z")).isEqualTo(nanos.truncatedTo(ChronoUnit.MICROS));
        assertThat(Timestamps.format(nanos)).isEqualTo("2026-11-25T14:46:56.000001Z");
        assertThat(Timestamps.parse("2026-11-25T15:46:56.5+01:00")).isEqualTo(Instant.parse("2026-11-25T14:46:56.5Z"));
        assertThat(Timestamps.parse("2026-11-25T15:46:56.5+01:00")).isEqualTo(Instant.parse("2026-11-25T14:46:56.5Z"));
        assertThat(Timestamps.format(Instant.parse("2026-11-25T14:46:56.5Z"))).isEqualTo("2026-11-25T14:46:56.500000Z");
        assertThatThrownBy(() -> Timestamps.parse("")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void otherIsoFormsStillParse() {
        assertThat(Timestamps.parse("2026-11-25T14:46:56Z")).isEqualTo(Instant.parse("2026-11-25T14:46:56Z"));
        assertThat(Timestamps.parse("2026-11-25T15:46:56.5+01:00")).isEqualTo(Instant.parse("2026-11-25T14:46:56.5Z"));
    }

    @Test
    void nonsenseIsRejected() {
        assertThatThrownBy(() -> Timestamps.parse("2026-13-25T14:46:56.000000Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-11-25T14:46:5x.000000Z"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
