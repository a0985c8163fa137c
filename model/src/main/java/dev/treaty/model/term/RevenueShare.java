package dev.treaty.model.term;

import dev.treaty.model.value.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * A share of the payer's revenue paid to the payee.
 *
 * @param base         which of the payer's revenue lines count; empty means all of them
 * @param totalCap     the most ever payable, counting payments since a date (which may lie
 *                     before this version, so payments under earlier versions count)
 * @param periodCap    the most payable for one period
 * @param yearCap      the most payable for one (fiscal) year of the term's accounting periods
 * @param rollingCap   the most payable over any window of the given length that ends with a period
 * @param minimum      the least payable for a period while the term applies (a guarantee)
 * @param yearMinimum  the least payable for a (fiscal or contract) year: its shortfall is a line of the year's last period
 * @param advance      paid up front and recouped from the amounts that become due
 */
public record RevenueShare(TermHeader header, Validity validity, String payer, String payee, RateSchedule rate,
                           Optional<Filter> base, AccountingPeriod period, Optional<TotalCap> totalCap,
                           Optional<Money> periodCap, Optional<Money> yearCap, Optional<RollingCap> rollingCap, Optional<Money> minimum,
                           Optional<YearMinimum> yearMinimum, Optional<Money> advance,
                           PaymentTerms payment, Currency currency, Rounding rounding) implements Term {

    /** A minimum guarantee per year of the accounting periods, or per contract year (from the term's first day). */
    public record YearMinimum(Money amount, boolean contractYear) {
        @Override
        public String toString() {
            return amount + (contractYear ? " per contract year" : " per year");
        }
    }

    /** A cap on what is paid for the periods that end within any {@code window} (12 months, say), the one ending now included. */
    public record RollingCap(Money amount, java.time.Period window) {
        @Override
        public String toString() {
            return amount + " over the last " + dev.treaty.model.value.Durations.format(window);
        }
    }

    /** A cap on the total paid, counting payments made since {@code countingSince} (empty: since the term began). */
    public record TotalCap(Money amount, Optional<LocalDate> countingSince) {
        @Override
        public String toString() {
            return amount + countingSince.map(d -> ", counting payments since " + d).orElse("");
        }
    }

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("payer", payer).put("payee", payee)
                .put(rate instanceof RateSchedule.Tiered ? "tiers" : rate instanceof RateSchedule.Banded ? "bands" : "rate", rate)
                .put("base", base.map(Object::toString).orElse("all revenue"))
                .put("period", period);
        validity.describe(a);
        return a.put("cap total", totalCap).put("cap per period", periodCap).put("cap per year", yearCap).put("cap over", rollingCap)
                .put("minimum per period", minimum).put("minimum per year", yearMinimum).put("advance", advance)
                .put("due", payment).put("currency", currency.getCurrencyCode()).put("rounding", rounding)
                .toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("payer", payer, "payee", payee);
    }
}
