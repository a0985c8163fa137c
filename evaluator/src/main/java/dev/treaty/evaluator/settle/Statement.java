package dev.treaty.evaluator.settle;

import dev.treaty.model.value.Money;

import java.util.List;

/**
 * Every line one term (a revenue share or a penalty) makes due, in date order, with totals that
 * reconcile to the cent.
 */
public record Statement(String term, String payer, String payee, List<StatementLine> lines, Money totalBase,
                        Money totalGross, Money totalDue, dev.treaty.model.term.TermKind kind) {

    public Statement {
        lines = List.copyOf(lines);
    }

    public Statement(String term, String payer, String payee, List<StatementLine> lines, Money totalBase, Money totalGross, Money totalDue) {
        this(term, payer, payee, lines, totalBase, totalGross, totalDue, dev.treaty.model.term.TermKind.REVENUE_SHARE);
    }
}
