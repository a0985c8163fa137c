package dev.treaty.evaluator.facts;

import java.util.function.Consumer;

/**
 * Takes revenue lines, and can take one back. A reader feeding a sink reads a file once: a line
 * whose id turns out, at the end, to repeat an earlier one is retracted, which is rare, instead
 * of every line waiting for a first pass over the ids.
 */
public interface RevenueSink extends Consumer<RevenueLine> {

    /** Undoes {@link #accept} of this line. */
    void retract(RevenueLine line);
}
