package dev.treaty.evaluator.settle;

import dev.treaty.model.value.Money;

import java.util.List;

/**
 * A settlement: one statement per revenue-share term, and where shares run both ways between two
 * parties, the net position per period.
 *
 * @param ignoredLines revenue lines no term counted (another party, no piece in force, a filter)
 */
public record SettlementResult(List<Statement> statements, List<NetPosition> net, long revenueLines, long ignoredLines) {

    /** For one period, what {@code debtor} owes {@code creditor} after the shares both ways are set off. */
    public record NetPosition(String period, String debtor, String creditor, Money owed, Money debtorToCreditor,
                              Money creditorToDebtor) {
    }
}
