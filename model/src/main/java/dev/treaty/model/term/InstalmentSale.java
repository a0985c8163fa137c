package dev.treaty.model.term;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

/**
 * A price paid in equal instalments with interest on the balance (an amortising schedule): the
 * first instalment falls one {@code instalments} interval after the sale ({@code start}), each
 * pays the period's interest on what is still owed and the rest off the principal, and the last
 * pays off what is left to the cent.
 *
 * @param interest the yearly rate; each period's rate is the yearly rate divided by the periods in a year
 */
public record InstalmentSale(TermHeader header, Validity validity, String payer, String payee, LocalDate start, Money price,
                             Percentage interest, PaymentTerms.Instalments instalments, Currency currency,
                             Rounding rounding) implements Term {

    /** How many instalments fall in a year. */
    public int periodsPerYear() {
        return switch (instalments.frequency()) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 1;
        };
    }

    /** The day instalment {@code k} (1-based) is due. */
    public LocalDate dueDate(int k) {
        return switch (instalments.frequency()) {
            case MONTHLY -> start.plusMonths(k);
            case QUARTERLY -> start.plusMonths(3L * k);
            case YEARLY -> start.plusYears(k);
        };
    }

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes().put("payer", payer).put("payee", payee).put("price", price)
                .put("interest", interest + " per year").put("instalments", instalments);
        validity.describe(a);
        return a.put("currency", currency.getCurrencyCode()).put("rounding", rounding).toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("payer", payer, "payee", payee);
    }
}
