package dev.treaty.evaluator.settle;

import dev.treaty.model.term.AccountingPeriod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Month;

import static org.assertj.core.api.Assertions.assertThat;

/** Which period a day falls in, at the edges: quarter and half-year turns, fiscal years, leap days, ISO weeks across a year's end. */
class AccountingPeriodsTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "QUARTER, JANUARY, 2026-04-27, 2026-Q2, 2026-04-01, 2026-06-30",
            "QUARTER, JULY,    2026-07-01, FY2027-Q1, 2026-07-01, 2026-09-30",
            "QUARTER, JULY,    2026-06-30, FY2026-Q4, 2026-04-01, 2026-06-30",
            "YEAR,    APRIL,   2026-03-31, FY2026, 2025-04-01, 2026-03-31",
            "YEAR,    JANUARY, 2028-02-29, 2028, 2028-01-01, 2028-12-31",
            "MONTH,   JANUARY, 2028-02-29, 2028-02, 2028-02-01, 2028-02-29",
            "MONTH,   JULY,    2026-08-15, FY2027-M2, 2026-08-01, 2026-08-31",
            "HALF_YEAR, JANUARY, 2026-06-30, 2026-H1, 2026-01-01, 2026-06-30",
            "HALF_YEAR, JANUARY, 2026-07-01, 2026-H2, 2026-07-01, 2026-12-31",
            "HALF_YEAR, JULY,    2027-01-01, FY2027-H2, 2027-01-01, 2027-06-30",
            "HALF_YEAR, APRIL,   2026-03-31, FY2026-H2, 2025-10-01, 2026-03-31",
            "WEEK,    JANUARY, 2026-11-30, 2026-W49, 2026-11-30, 2026-12-06",
            "WEEK,    JANUARY, 2026-12-31, 2026-W53, 2026-12-28, 2027-01-03",
            "WEEK,    JANUARY, 2027-01-03, 2026-W53, 2026-12-28, 2027-01-03",
            "WEEK,    JANUARY, 2027-01-04, 2027-W01, 2027-01-04, 2027-01-10",
            "WEEK,    JANUARY, 2024-12-30, 2025-W01, 2024-12-30, 2025-01-05",
    })
    void aDayFallsInOnePeriod(AccountingPeriod.Unit unit, Month start, LocalDate day, String label, LocalDate from, LocalDate through) {
        AccountingPeriods.Period period = AccountingPeriods.of(new AccountingPeriod(unit, start), day);
        assertThat(period).isEqualTo(new AccountingPeriods.Period(label, from, through));
    }

    @net.jqwik.api.Property
    void everyDayOfAPeriodFallsInThatPeriodAndPeriodsTileTheCalendar(@net.jqwik.api.ForAll AccountingPeriod.Unit unit,
                                                                      @net.jqwik.api.ForAll Month start,
                                                                      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 40_000) int epochDay) {
        AccountingPeriod kind = new AccountingPeriod(unit, unit == AccountingPeriod.Unit.WEEK ? Month.JANUARY : start);
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        AccountingPeriods.Period period = AccountingPeriods.of(kind, day);
        assertThat(day).isBetween(period.start(), period.end());
        assertThat(AccountingPeriods.of(kind, period.start())).isEqualTo(period);
        assertThat(AccountingPeriods.of(kind, period.end())).isEqualTo(period);
        assertThat(AccountingPeriods.of(kind, period.end().plusDays(1)).start()).isEqualTo(period.end().plusDays(1));
        assertThat(AccountingPeriods.of(kind, period.end().plusDays(1)).label()).isNotEqualTo(period.label());
    }
}
