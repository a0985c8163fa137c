package dev.treaty.model.term;

import dev.treaty.model.value.Money;
import dev.treaty.model.value.Percentage;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Liquidated damages for late performance: from the day after {@code deadline} the payer owes the
 * payee {@code perDay} for each day of delay, until the term's {@code until} condition holds (the
 * delivery is declared, say). Days on which its {@code unless} condition holds (force majeure
 * declared and not yet over) are suspended: they count neither toward the amount nor toward the
 * termination threshold.
 *
 * @param cap          the most owed in all, as an amount
 * @param capShare     or as a share of {@code price}
 * @param termination  the payee may terminate once the counted delay is longer than this
 * @param dueDays      the amount is due this many days after the delay ends, or after {@code dueAfter} is declared
 * @param dueAfter     the event whose declaration starts the {@code dueDays}; empty: the end of the delay
 */
public record Penalty(TermHeader header, Validity validity, String payer, String payee, LocalDate deadline, Money perDay,
                      Optional<Money> price, Optional<Money> cap, Optional<Percentage> capShare,
                      Optional<java.time.Period> termination, int dueDays, Optional<String> dueAfter, Currency currency,
                      Rounding rounding) implements Term {

    /** The cap as an amount: stated, or the share of the price; empty when the penalty is uncapped. */
    public Optional<Money> capAmount() {
        if (cap.isPresent()) return cap;
        return capShare.map(share -> Money.of(price.orElseThrow().amount().multiply(share.fraction()), currency));
    }

    @Override
    public Map<String, String> attributes() {
        Attributes a = new Attributes()
                .put("payer", payer).put("payee", payee).put("deadline", deadline).put("rate", perDay + " per day")
                .put("price", price);
        validity.describe(a);
        return a.put("cap total", cap.map(Object::toString).or(() -> capShare.map(s -> s + " of the price")))
                .put("termination", termination.map(t -> "after " + dev.treaty.model.value.Durations.format(t)))
                .put("due", dueDays + " days after " + dueAfter.map(e -> e + " declared").orElse("the delay ends"))
                .put("currency", currency.getCurrencyCode()).put("rounding", rounding)
                .toMap();
    }

    @Override
    public Map<String, String> parties() {
        return Term.roles("payer", payer, "payee", payee);
    }
}
