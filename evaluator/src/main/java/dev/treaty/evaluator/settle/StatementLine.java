package dev.treaty.evaluator.settle;

import dev.treaty.evaluator.explain.Explanation;
import dev.treaty.model.time.TermInForce;
import dev.treaty.model.value.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line of a statement: what one revenue-share term makes due for one accounting period, or
 * for the part of it between two splits (an amendment, a sunset, an event).
 *
 * @param from            first day of revenue counted (the period's start, or a split)
 * @param through         last day of revenue counted
 * @param rate            the rate applied, in words ("20%", or the tiers used)
 * @param gross           base × rate, rounded per the term
 * @param recouped        taken from the gross to recoup the advance
 * @param minimumTopUp    added to reach the minimum guarantee
 * @param capCut          removed by a period or total cap
 * @param due             what is owed: gross (nothing if negative) − recouped + top-up − cap cut
 * @param cumulativeDue   due under this term so far, all versions
 * @param capRemaining    what the total cap still allows after this line
 * @param paid            the amount due converted into the currency it is paid in, when it is not the term's
 */
public record StatementLine(String term, String payer, String payee, String period, LocalDate periodEnd,
                            LocalDate from, LocalDate through, TermInForce version, Money base, long lines,
                            String rate, Money gross, Money recouped, Money minimumTopUp, Money capCut, Money due,
                            LocalDate dueDate, List<Instalment> instalments, Money cumulativeDue,
                            Optional<Money> capRemaining, Explanation why, Optional<Conversion> paid) {

    public StatementLine(String term, String payer, String payee, String period, LocalDate periodEnd, LocalDate from, LocalDate through,
                         TermInForce version, Money base, long lines, String rate, Money gross, Money recouped, Money minimumTopUp,
                         Money capCut, Money due, LocalDate dueDate, List<Instalment> instalments, Money cumulativeDue,
                         Optional<Money> capRemaining, Explanation why) {
        this(term, payer, payee, period, periodEnd, from, through, version, base, lines, rate, gross, recouped, minimumTopUp, capCut, due,
                dueDate, instalments, cumulativeDue, capRemaining, why, Optional.empty());
    }

    /** The due amount in the currency paid: {@code amount} = due × {@code rate}, the rate of {@code rateDay} (fact {@code fact}). */
    public record Conversion(Money amount, java.math.BigDecimal rate, LocalDate rateDay, String fact) {
    }

    /** One payment of an amount paid in instalments. */
    public record Instalment(LocalDate due, Money amount) {
    }

    public String documentId() {
        return version.provenance().documentId();
    }

    public String clauseId() {
        return version.clause().clause().id().toString();
    }
}
