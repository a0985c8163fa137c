package dev.treaty.evaluator.settle;

import dev.treaty.model.value.Money;

import java.util.List;

/** Every line one revenue-share term makes due, in date order, with totals that reconcile to the cent. */
public record Statement(String term, String payer, String payee, List<StatementLine> lines, Money totalBase,
                        Money totalGross, Money totalDue) {

    public Statement {
        lines = List.copyOf(lines);
    }
}
