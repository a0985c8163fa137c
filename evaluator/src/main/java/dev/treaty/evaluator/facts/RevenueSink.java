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

    /**
     * Passes on only the lines known at {@code knownAt} (recorded by then, or dated a day that had
     * ended): the one meaning of "as known" for revenue, whatever reads it. A plain consumer stays
     * a plain consumer; a sink stays a sink.
     */
    static Consumer<RevenueLine> knownAt(java.time.Instant knownAt, Consumer<RevenueLine> consumer) {
        if (knownAt.equals(java.time.Instant.MAX)) return consumer;
        if (consumer instanceof RevenueSink sink) {
            return new RevenueSink() {
                @Override
                public void accept(RevenueLine line) {
                    if (line.isKnownAt(knownAt)) sink.accept(line);
                }

                @Override
                public void retract(RevenueLine line) {
                    if (line.isKnownAt(knownAt)) sink.retract(line);
                }
            };
        }
        return line -> {
            if (line.isKnownAt(knownAt)) consumer.accept(line);
        };
    }
}
