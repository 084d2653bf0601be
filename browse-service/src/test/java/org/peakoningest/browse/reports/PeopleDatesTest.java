package org.peakoningest.browse.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.MonthDay;
import org.junit.jupiter.api.Test;

/** What counts as a date in an employee attribute, and what is counted as missing or unparseable instead. */
class PeopleDatesTest {

    @Test
    void isoDatesAndTimestampsGiveMonthAndDay() {
        int[] problems = new int[2];
        assertThat(PeopleDates.monthDay("1987-04-12", problems, true)).isEqualTo(MonthDay.of(4, 12));
        assertThat(PeopleDates.monthDay("2016-02-29T00:00:00Z", problems, false))
                .isEqualTo(MonthDay.of(2, 29));
        assertThat(PeopleDates.monthDay(" 1990-12-01 ", problems, true)).isEqualTo(MonthDay.of(12, 1));
        assertThat(problems).containsExactly(0, 0);
    }

    @Test
    void aBirthdayWithoutAYearIsADateAStartWithoutOneIsNot() {
        int[] problems = new int[2];
        assertThat(PeopleDates.monthDay("--04-12", problems, true)).isEqualTo(MonthDay.of(4, 12));
        assertThat(PeopleDates.monthDay("--04-12", problems, false)).isNull();
        assertThat(problems).containsExactly(0, 1);
    }

    @Test
    void whatHrDataHoldsInsteadIsCountedNeverGuessed() {
        int[] problems = new int[2];
        for (Object value : new Object[] {null, "", "  "}) {
            assertThat(PeopleDates.monthDay(value, problems, true)).isNull();
        }
        for (String value : new String[] {"31/12/1985", "1990-02-30", "1987-13-01", "unknown", "1987-04-12x", "2020"}) {
            assertThat(PeopleDates.monthDay(value, problems, true)).as(value).isNull();
        }
        assertThat(problems).containsExactly(3, 6);
    }
}
