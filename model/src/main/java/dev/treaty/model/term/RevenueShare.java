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
 * @param advance      paid up front; a recoupable one is recouped from the amounts that become due
 * @param escalation   minimums and caps (per period and per year) grow by this each contract year, compounded
 * @param paidIn       settled in {@code currency} but paid in another, at the rate of a day
 */
public record RevenueShare(TermHeader header, Validity validity, String payer, String payee, RateSchedule rate,
                           Optional<Filter> base, AccountingPeriod period, Optional<TotalCap> totalCap,
                           Optional<Money> periodCap, Optional<Money> yearCap, Optional<RollingCap> rollingCap, Optional<Money> minimum,
                           Optional<YearMinimum> yearMinimum, Optional<Advance> advance,
                           PaymentTerms payment, Currency currency, Rounding rounding, Optional<PaidIn> paidIn,
                           Optional<dev.treaty.model.value.Percentage> escalation) implements Term {

    /** An advance: paid up front, and either recouped from what falls due (recoupable) or kept whatever falls due (non-recoupable). */
    public record Advance(Money amount, boolean recoupable) {
        @Override
        public String toString() {
            return amount + (recoupable ? "" : " non-recoupable");
        }
    }

    /** The amount stated for contract year 1, as it stands in contract year {@code contractYear} (1-based) after escalation. */
    public Money escalated(Money amount, long contractYear) {
        if (escalation.isEmpty() || contractYear <= 1) return amount;
        java.math.BigDecimal factor = java.math.BigDecimal.ONE.add(escalation.get().fraction()).pow((int) Math.min(contractYear - 1, 1000),
                java.math.MathContext.DECIMAL128);
        return Money.of(amount.amount().multiply(factor), amount.currency()).rounded(rounding.scale(), rounding.mode());
    }

    /** Paid in {@code currency} at the rate published on (or last before) the period's end or the due date. */
    public record PaidIn(Currency currency, FxDay day) {
        @Override
        public String toString() {
            return currency.getCurrencyCode() + " at " + day.keyword() + " rate";
        }
    }

    /** Which day's exchange rate converts a line's amount. */
    public enum FxDay {
        PERIOD_END("period-end"), DUE_DATE("due-date");

        private final String keyword;

        FxDay(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

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
                .put(rate instanceof RateSchedule.Tiered ? "tiers" : rate instanceof RateSchedule.Banded ? "bands"
                        : rate instanceof RateSchedule.Computed ? "amount" : "rate", rate)
                .put("base", base.map(Object::toString).orElse("all revenue"))
                .put("period", period);
        validity.describe(a);
        return a.put("cap total", totalCap).put("cap per period", periodCap).put("cap per year", yearCap).put("cap over", rollingCap)
                .put("minimum per period", minimum).put("minimum per year", yearMinimum).put("advance", advance)
                .put("escalation", escalation.map(e -> e + " per contract year"))
                .put("due", payment).put("currency", currency.getCurrencyCode()).put("paid in", paidIn).put("rounding", rounding)
                .toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("payer", payer, "payee", payee);
    }
}
