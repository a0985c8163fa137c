package dev.treaty.evaluator.decide;

/**
 * A question that names something the agreement and the facts do not know (a product without a
 * product event, a party not on the agreement, a cloud nobody named): bad input, not a "no".
 * Interfaces report it as such (exit 2, HTTP 400), never as DENIED.
 */
public final class UnanswerableQuestion extends RuntimeException {

    public UnanswerableQuestion(String message) {
        super(message);
    }
}
