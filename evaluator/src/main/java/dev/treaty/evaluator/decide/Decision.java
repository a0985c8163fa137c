package dev.treaty.evaluator.decide;

import dev.treaty.evaluator.explain.Explanation;

/**
 * A yes-or-no answer with its explanation: ALLOWED or DENIED for a release, LICENSED or NOT
 * LICENSED for a licence.
 */
public record Decision(boolean yes, String verdict, Explanation why) {
}
