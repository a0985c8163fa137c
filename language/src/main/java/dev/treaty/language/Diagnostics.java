package dev.treaty.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics so that one run reports every problem, not only the first. Identical
 * reports (the same message at the same place) are kept once. Not thread-safe: one collector
 * serves one load.
 */
public final class Diagnostics {

    /** More than this many diagnostics are not useful to anyone; the rest are counted only. */
    public static final int REPORTED_MAX = Limits.DIAGNOSTICS_MAX;

    private final Set<Diagnostic> reported = new LinkedHashSet<>();
    private int dropped;
    /** Every error added, kept or dropped: builders compare counts to learn whether a part failed. */
    private int errors;

    public void error(SourcePosition at, String context, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, at, message, context));
    }

    public void warning(SourcePosition at, String context, String message) {
        add(new Diagnostic(Diagnostic.Severity.WARNING, at, message, context));
    }

    public void add(Diagnostic diagnostic) {
        if (diagnostic.isError()) errors++;
        if (reported.size() >= REPORTED_MAX && !reported.contains(diagnostic)) {
            dropped++;
            return;
        }
        reported.add(diagnostic);
    }

    public boolean hasErrors() {
        return reported.stream().anyMatch(Diagnostic::isError) || dropped > 0;
    }

    /** Whether an error was reported in {@code file}: a file refused whole is not reported again for what it lacks. */
    public boolean hasErrorIn(java.nio.file.Path file) {
        return reported.stream().anyMatch(d -> d.isError() && d.at().file().equals(file));
    }

    /** How many errors were added, including repeats and those dropped past {@link #REPORTED_MAX}. */
    public int errorCount() {
        return errors;
    }

    /** The diagnostics sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> all = new ArrayList<>(reported);
        all.sort(null);
        return List.copyOf(all);
    }

    /** How many diagnostics were not kept because {@link #REPORTED_MAX} was reached. */
    public int dropped() {
        return dropped;
    }
}
