package dev.treaty.evaluator.settle;

import dev.treaty.model.term.AccountingPeriod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Month;

import static org.assertj.core.api.Assertions.assertThat;

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
    })
    void aDayFallsInOnePeriod(AccountingPeriod.Unit unit, Month start, LocalDate day, String label, LocalDate from, LocalDate through) {
        AccountingPeriods.Period period = AccountingPeriods.of(new AccountingPeriod(unit, start), day);
        assertThat(period).isEqualTo(new AccountingPeriods.Period(label, from, through));
    }
}
