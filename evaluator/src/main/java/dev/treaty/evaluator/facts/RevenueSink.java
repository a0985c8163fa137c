package dev.treaty.evaluator.facts;

import java.util.function.Consumer;

/**
 * Takes revenue lines, and can take one back. A reader feeding a sink reads a file once: a line
 * whose id turns out, at the end, to repeat an earlier one is retracted, which is rare, instead
 * of every line waiting for a first pass over the ids. A sink that can {@link #fork} lets the
 * reader parse one file on every core.
 */
public interface RevenueSink extends Consumer<RevenueLine> {

    /** Undoes {@link #accept} of this line. */
    void retract(RevenueLine line);

    /**
     * An empty sink of the same kind, which another thread feeds with one part of a file and which
     * is then {@linkplain #join joined} to this one; null when this sink cannot be split.
     */
    default RevenueSink fork() {
        return null;
    }

    /**
     * Adds what a fork of this sink took. The fork numbered the lines of its part from 1: the
     * part's line {@code n} is the file's line {@code lineShift + n}.
     */
    default void join(RevenueSink fork, long lineShift) {
        // only forks join, and a sink whose fork() is null has none: reaching this is a reader's bug
        throw new IllegalStateException("join on a sink that does not fork");
    }

    /**
     * Passes on only the lines known at {@code knownAt} (recorded by then, or dated a day that had
     * ended): the one meaning of "as known" for revenue, whatever reads it. A plain consumer stays
     * a plain consumer; a sink stays a sink.
     */
    static Consumer<RevenueLine> knownAt(java.time.Instant knownAt, Consumer<RevenueLine> consumer) {
        if (knownAt.equals(java.time.Instant.MAX)) return consumer;
        if (consumer instanceof RevenueSink sink) return new KnownAt(knownAt, sink);
        return line -> {
            if (line.isKnownAt(knownAt)) consumer.accept(line);
        };
    }

    /** A sink that passes on only the lines known at an instant. */
    record KnownAt(java.time.Instant knownAt, RevenueSink sink) implements RevenueSink {
        @Override
        public void accept(RevenueLine line) {
            if (line.isKnownAt(knownAt)) sink.accept(line);
        }

        @Override
        public void retract(RevenueLine line) {
            if (line.isKnownAt(knownAt)) sink.retract(line);
        }

        @Override
        public RevenueSink fork() {
            RevenueSink fork = sink.fork();
            return fork == null ? null : new KnownAt(knownAt, fork);
        }

        @Override
        public void join(RevenueSink fork, long lineShift) {
            sink.join(((KnownAt) fork).sink(), lineShift);
        }
    }
}
