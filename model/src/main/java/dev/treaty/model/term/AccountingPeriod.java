package dev.treaty.model.term;

import java.time.Month;
import java.util.Locale;

/**
 * The period a revenue share is settled for: week, month, quarter, half-year or year, where months,
 * quarters, half-years and years may follow a fiscal year that starts in {@code fiscalYearStart}.
 * Weeks are ISO weeks (Monday to Sunday) and have no fiscal form.
 */
public record AccountingPeriod(Unit unit, Month fiscalYearStart) {

    public enum Unit {
        WEEK("week"), MONTH("month"), QUARTER("quarter"), HALF_YEAR("half-year"), YEAR("year");

        /** The word the language writes it with. */
        public final String word;

        Unit(String word) {
            this.word = word;
        }
    }

    public static AccountingPeriod of(Unit unit) {
        return new AccountingPeriod(unit, Month.JANUARY);
    }

    @Override
    public String toString() {
        String unitName = unit.word;
        if (fiscalYearStart == Month.JANUARY) return unitName;
        String month = fiscalYearStart.name().charAt(0) + fiscalYearStart.name().substring(1).toLowerCase(Locale.ROOT);
        return "fiscal " + unitName + " starting " + month;
    }
}
