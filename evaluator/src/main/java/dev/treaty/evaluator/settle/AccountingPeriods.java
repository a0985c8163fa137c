package dev.treaty.evaluator.settle;

import dev.treaty.model.term.AccountingPeriod;

import java.time.LocalDate;
import java.time.Month;

/**
 * The accounting period a day falls in, for ISO weeks and for months, quarters, half-years and
 * (fiscal) years. A fiscal year is named by the calendar year it ends in: with a fiscal year
 * starting in July, 2026-07-01 is in FY2027-Q1 and FY2027-H1. A week is named by its ISO week-based
 * year: 2026-12-31 is in 2026-W53, and 2027-01-01 too.
 */
public final class AccountingPeriods {

    /** One period: its label and its first and last days. */
    public record Period(String label, LocalDate start, LocalDate end) {
    }

    private AccountingPeriods() {
    }

    public static Period of(AccountingPeriod period, LocalDate day) {
        Month fiscalStart = period.fiscalYearStart();
        int monthsIntoYear = Math.floorMod(day.getMonthValue() - fiscalStart.getValue(), 12);
        LocalDate yearStart = day.withDayOfMonth(1).minusMonths(monthsIntoYear);
        boolean fiscal = fiscalStart != Month.JANUARY;
        int fiscalYear = yearStart.plusMonths(11).getYear();
        String yearLabel = fiscal ? "FY" + fiscalYear : Integer.toString(fiscalYear);
        return switch (period.unit()) {
            case MONTH -> {
                LocalDate start = day.withDayOfMonth(1);
                yield new Period(fiscal ? yearLabel + "-M" + (monthsIntoYear + 1) : String.format("%d-%02d", day.getYear(), day.getMonthValue()),
                        start, start.plusMonths(1).minusDays(1));
            }
            case QUARTER -> {
                int quarter = monthsIntoYear / 3;
                LocalDate start = yearStart.plusMonths(quarter * 3L);
                yield new Period(yearLabel + "-Q" + (quarter + 1), start, start.plusMonths(3).minusDays(1));
            }
            case HALF_YEAR -> {
                int half = monthsIntoYear / 6;
                LocalDate start = yearStart.plusMonths(half * 6L);
                yield new Period(yearLabel + "-H" + (half + 1), start, start.plusMonths(6).minusDays(1));
            }
            case YEAR -> new Period(yearLabel, yearStart, yearStart.plusYears(1).minusDays(1));
            case WEEK -> {
                LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                yield new Period(String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                        day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, monday.plusDays(6));
            }
        };
    }
}
