package dev.treaty.model.term;

import java.time.Month;
import java.util.Locale;

/**
 * The period a revenue share is settled for: month, quarter or year, where quarters and years
 * may follow a fiscal year that starts in {@code fiscalYearStart}.
 */
public record AccountingPeriod(Unit unit, Month fiscalYearStart) {

    public enum Unit { MONTH, QUARTER, YEAR }

    public static AccountingPeriod of(Unit unit) {
        return new AccountingPeriod(unit, Month.JANUARY);
    }

    @Override
    public String toString() {
        String unitName = unit.name().toLowerCase(Locale.ROOT);
        if (fiscalYearStart == Month.JANUARY) return unitName;
        String month = fiscalYearStart.name().charAt(0) + fiscalYearStart.name().substring(1).toLowerCase(Locale.ROOT);
        return "fiscal " + unitName + " starting " + month;
    }
}
