package dev.treaty.language;

import java.util.Objects;

/**
 * One problem in the user's input, reported at a source position.
 *
 * @param severity whether it stops Treaty from answering ({@link Severity#ERROR}) or not
 * @param at       where the problem is
 * @param message  what is wrong, in the user's terms
 * @param context  the clause heading the position sits under ("4.2 Revenue share"), or empty
 */
public record Diagnostic(Severity severity, SourcePosition at, String message, String context)
        implements Comparable<Diagnostic> {

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        context = context == null ? "" : context;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Prints {@code path:line:col: error: message}. */
    @Override
    public String toString() {
        return at + ": " + severity.label() + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byPosition = at.compareTo(other.at);
        return byPosition != 0 ? byPosition : message.compareTo(other.message);
    }
}
