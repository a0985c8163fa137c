package dev.treaty.evaluator.settle;

/**
 * A settlement the agreement's terms cannot give: a volume that falls in no band of a band table,
 * say. The message names the term, the clause and the figure; it is bad input, not a bug.
 */
public final class SettlementException extends RuntimeException {

    public SettlementException(String message) {
        super(message);
    }
}
